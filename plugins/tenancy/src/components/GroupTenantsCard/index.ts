export { GroupTenantsCard } from './GroupTenantsCard';
