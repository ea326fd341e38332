import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  composeNamespaceName,
  GitOpsLayout,
  isTenantEntity,
  NamespaceCheckRequest,
  NamespaceCheckResponse,
  ProvisioningPolicyResponse,
  TenancyPolicy,
  validateNamespaceRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  GitOpsPublisher,
  requestBranch,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { createVisibilityCheck } from '../permissions/createVisibilityCheck';

/**
 * The wizard's live checks: the policy its fields offer, and a namespace
 * checked by the same rules as `tenancy:namespace:create`, plus whether the
 * name is still free (catalog, GitOps repository, open requests).
 */
export class ProvisioningCheckService {
  constructor(
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly permissions: PermissionsService,
    private readonly policy: TenancyPolicy,
    private readonly layout: GitOpsLayout,
    private readonly publisher: () => Promise<GitOpsPublisher | undefined>,
  ) {}

  policyForWizard(): ProvisioningPolicyResponse {
    const { environments, quotaSizes, nodePools } = this.policy;
    return { environments, quotaSizes, nodePools };
  }

  async checkNamespace(
    request: NamespaceCheckRequest,
    credentials: BackstageCredentials,
  ): Promise<NamespaceCheckResponse> {
    if (
      typeof request?.tenant !== 'string' ||
      typeof request.environment !== 'string'
    ) {
      throw new InputError('tenant and environment are required strings');
    }
    const [catalog, visible] = await Promise.all([
      this.catalogIndex.current(),
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
    const name = request.name || undefined;
    const namespace = composeNamespaceName({
      tenant: tenantName,
      environment: request.environment,
      suffix: name,
    });
    const cluster =
      request.cluster ||
      this.policy.environments[request.environment]?.clusters[0] ||
      '';
    const problems = validateNamespaceRequest(
      {
        tenant: tenantName,
        environment: request.environment,
        cluster,
        name,
        quota: request.quota ?? {},
      },
      {
        tenant: {
          name: tenantName,
          environments: tenant.spec.environments ?? [],
          ssoGroup: tenant.spec.ssoGroup,
        },
        otherTenants: catalog.tenants.map(t => t.metadata.name),
        policy: this.policy,
      },
    ).filter(p => request.quota || !p.field.startsWith('quota.'));
    if (problems.some(p => p.field === 'name')) {
      return { namespace, problems };
    }

    const known = [...catalog.parts.values()].find(
      p => p.namespace === namespace,
    );
    if (known) {
      return {
        namespace,
        problems,
        available: false,
        conflict: `${namespace} exists on ${known.cluster} (${known.ref})`,
      };
    }
    return {
      namespace,
      problems,
      ...(await this.availableInRepository(
        tenantName,
        request.environment,
        namespace,
      )),
    };
  }

  private async availableInRepository(
    tenant: string,
    environment: string,
    namespace: string,
  ): Promise<Pick<NamespaceCheckResponse, 'available' | 'conflict'>> {
    let publisher: GitOpsPublisher | undefined;
    try {
      publisher = await this.publisher();
      if (!publisher) return {};
      const folder = this.layout.namespaceDir(tenant, environment, namespace);
      if (await publisher.exists(folder)) {
        return {
          available: false,
          conflict: `${namespace} exists in the GitOps repository (${folder})`,
        };
      }
      const open = await publisher.findRequest(
        requestBranch(tenant, namespace),
      );
      if (open?.state === 'open') {
        return {
          available: false,
          conflict: `${namespace} is asked for in open request #${open.number}`,
        };
      }
      return { available: true };
    } catch {
      // The repository could not be read: nothing is said about availability.
      return {};
    }
  }
}
