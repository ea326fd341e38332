export { EntityDriftCard } from './EntityDriftCard';
