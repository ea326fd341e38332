export { TenantOverviewCard } from './TenantOverviewCard';
