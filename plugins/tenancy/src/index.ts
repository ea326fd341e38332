/**
 * The tenancy frontend plugin: tenant pages, fleet page and wizard fields.
 *
 * @packageDocumentation
 */
export { tenancyPlugin as default } from './plugin';
export { tenancyApiRef } from './api/TenancyApi';
export type { TenancyApi } from './api/TenancyApi';
export { TenancyClient } from './api/TenancyClient';
export { TenantOverviewCard } from './components/TenantOverviewCard';
export { FleetPage } from './components/FleetPage';
