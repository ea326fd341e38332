import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  getTenantOwnerRef,
  GitOpsLayout,
  isTenantEntity,
  NamespaceCheckRequest,
  NamespaceCheckResponse,
  prepareNamespaceBundle,
  ProvisioningPolicyResponse,
  TenancyPolicy,
  tenantBudgetRule,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  checkNamespaceAvailability,
  GitOpsPublisher,
  readTenantQuotaUsage,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { createVisibilityCheck } from '../permissions/createVisibilityCheck';

/** How long a tenant's quota use is reused between checks. */
const USAGE_REUSE_MS = 15_000;

/**
 * The wizard's live checks: the policy its fields offer, and a namespace
 * checked by the same rules as `tenancy:namespace:create`, plus whether the
 * name is still free (catalog, GitOps repository, open requests).
 */
export class ProvisioningCheckService {
  private readonly recentUsage = new Map<
    string,
    { at: number; usage: ReturnType<typeof readTenantQuotaUsage> }
  >();

  constructor(
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly permissions: PermissionsService,
    private readonly policy: TenancyPolicy,
    private readonly layout: GitOpsLayout,
    private readonly publisher: () => Promise<GitOpsPublisher | undefined>,
  ) {}

  /**
   * A tenant's quota use for the budget, reused for a few seconds: the wizard
   * checks as the user types, and each read lists the tenant's folder and its
   * open requests' branches on the repository (a forge's API).
   */
  private usage(publisher: GitOpsPublisher, tenant: string) {
    const reused = this.recentUsage.get(tenant);
    if (reused && Date.now() - reused.at < USAGE_REUSE_MS) return reused.usage;
    const usage = readTenantQuotaUsage({
      publisher,
      layout: this.layout,
      // Every namespace: the one asked for is left out per check.
      tenant,
    });
    this.recentUsage.set(tenant, { at: Date.now(), usage });
    usage.catch(() => this.recentUsage.delete(tenant));
    return usage;
  }

  policyForWizard(): ProvisioningPolicyResponse {
    const { environments, quotaSizes, nodePools } = this.policy;
    return { environments, quotaSizes, nodePools };
  }

  async checkNamespace(
    request: NamespaceCheckRequest,
    credentials: BackstageCredentials,
  ): Promise<NamespaceCheckResponse> {
    const [catalog, visible] = await Promise.all([
      this.catalogIndex.current(request.tenant),
      createVisibilityCheck(this.permissions, credentials),
    ]);
    const tenant = catalog.byRef.get(request.tenant);
    if (!tenant || !isTenantEntity(tenant)) {
      throw new NotFoundError(`No tenant entity ${request.tenant}`);
    }
    if (!visible(tenant)) {
      throw new NotAllowedError(`Not allowed to read ${request.tenant}`);
    }
    const tenantName = tenant.metadata.name;
    const withQuota = !!(request.size || request.quota);
    const prepared = prepareNamespaceBundle(
      {
        tenant: tenantName,
        environment: request.environment,
        cluster:
          request.cluster ||
          this.policy.environments[request.environment]?.clusters[0] ||
          '',
        name: request.name || undefined,
        size: request.size || undefined,
        quota: request.quota,
      },
      {
        tenant,
        owner: getTenantOwnerRef(tenant),
        context: {
          policy: this.policy,
          layout: this.layout,
          tenants: catalog.tenants.map(t => t.metadata.name),
          requestedBy: '',
        },
      },
    );
    const { namespace } = prepared;
    const problems = prepared.problems.filter(
      p => withQuota || !p.field.startsWith('quota.'),
    );
    const answer = {
      namespace,
      problems,
      ...(withQuota ? { quota: prepared.quota, limits: prepared.limits } : {}),
    };
    if (problems.some(p => p.field === 'name')) return answer;
    try {
      const publisher = await this.publisher();
      const availability = await checkNamespaceAvailability({
        namespace,
        tenant: tenantName,
        environment: request.environment,
        layout: this.layout,
        publisher,
        findInCatalog: async ns => {
          const known = [...catalog.parts.values()].find(
            p => p.namespace === ns,
          );
          return known && `${known.cluster} (${known.ref})`;
        },
      });
      const budget =
        withQuota && publisher && tenant.spec.quotaBudget
          ? tenantBudgetRule({
              tenant: tenantName,
              budget: tenant.spec.quotaBudget,
              used: (await this.usage(publisher, tenantName))
                .filter(u => u.namespace !== namespace)
                .map(u => u.quota),
              requested: prepared.quota,
            })
          : undefined;
      const checked = budget
        ? {
            ...answer,
            problems: [...problems, ...budget.problems],
            budget: budget.lines,
          }
        : answer;
      return availability.available
        ? { ...checked, available: true }
        : { ...checked, available: false, conflict: availability.conflict };
    } catch {
      // The repository could not be read: nothing is said about availability.
      return answer;
    }
  }
}
