export { EntityVClusterAccessCard } from './EntityVClusterAccessCard';
