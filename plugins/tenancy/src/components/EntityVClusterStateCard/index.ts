export { EntityVClusterStateCard } from './EntityVClusterStateCard';
