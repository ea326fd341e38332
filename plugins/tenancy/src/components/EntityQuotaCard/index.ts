export { EntityQuotaCard } from './EntityQuotaCard';
