/**
 * The tenancy frontend plugin: tenant pages, fleet page and wizard fields.
 *
 * The default export is the plugin for the new frontend system; apps on the
 * legacy system use `tenancyLegacyPlugin` and the `Entity*` / `TenancyFleetPage`
 * extensions, which share the same client and components.
 *
 * @packageDocumentation
 */
export { tenancyPlugin as default } from './plugin';
export { tenancyApiRef } from './api/TenancyApi';
export type { TenancyApi } from './api/TenancyApi';
export { TenancyClient } from './api/TenancyClient';
export {
  tenancyLegacyPlugin,
  TenancyFleetPage,
  EntityTenantOverviewCard,
  EntityTenantNamespacesCard,
  EntityGroupTenantsCard,
  EntityTenancyQuotaCard,
  EntityTenancyCostCard,
  EntityTenancyArgoApplicationsCard,
  EntityTenancyPolicyCard,
  EntityTenancyDriftCard,
  EntityTenancyObservabilityLinksCard,
  EntityTenancyVClusterAccessCard,
  EntityTenancyVClusterStateCard,
  TenancyTenantPickerFieldExtension,
  TenancyPlacementPickerFieldExtension,
  TenancyNamespaceNameFieldExtension,
  TenancyQuotaFieldExtension,
} from './legacy';
export {
  isTenancyAvailable,
  isTenancyNamespaceEntity,
} from './isTenancyAvailable';
export type { QuotaThresholds } from './components/shared/quotaLevel';
export { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
