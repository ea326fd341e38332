import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { createVisibilityCheck } from '../permissions/createVisibilityCheck';
import { ProvisioningHistory } from '../requests/ProvisioningHistory';
import { tenantNamed } from '../requests/tenantNamed';
import {
  computeProvisioningMetrics,
  ProvisioningMetricsResponse,
} from './computeProvisioningMetrics';

/** The window of the metrics: 12 weeks. */
const WINDOW_MS = 12 * 7 * 86_400_000;

/**
 * Answers `GET /v1/provisioning/metrics` from the provisioning history, with
 * the requests of the tenants the caller may see (the same visibility check
 * as the summaries); a request whose tenant is not in the catalog (an
 * onboarding not merged yet) is left out.
 */
export class ProvisioningMetricsService {
  constructor(
    private readonly history: ProvisioningHistory,
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly permissions: PermissionsService,
    private readonly slaMinutes: number,
  ) {}

  async metrics(
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<ProvisioningMetricsResponse> {
    const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
    const [catalog, visible, data, watchingSince] = await Promise.all([
      this.catalogIndex.current(),
      createVisibilityCheck(this.permissions, credentials),
      this.history.read(windowStart),
      this.history.watchingSince(),
    ]);
    return computeProvisioningMetrics({
      ...data,
      tenantRef: name => {
        const tenant = tenantNamed(catalog, name);
        return tenant && visible(tenant)
          ? stringifyEntityRef(tenant)
          : undefined;
      },
      slaMinutes: this.slaMinutes,
      watchingSince,
      windowStart,
      now,
    });
  }
}
