export { TenantNamespacesCard } from './TenantNamespacesCard';
