import { gitOpsEngineOf } from '../gitops/gitOpsEngineOf';
import { renderFluxTenantKustomization } from '../render/flux/renderFluxBootstrap';
import type { ValidationProblem } from '../policy/ValidationProblem';
import {
  TenantRequestInput,
  validateTenantRequest,
} from '../policy/validateTenantRequest';
import {
  renderTenantGuardrails,
  tenantGuardrailsFile,
} from '../render/guardrails/renderGuardrails';
import { renderTenantAppProject } from '../render/renderTenantAppProject';
import { renderTenantEntity } from '../render/renderTenantEntity';
import { serializeManifests } from '../render/serializeManifests';
import {
  describeTenantRequest,
  tenantRequestChecks,
} from './describeTenantRequest';
import type { PreparedChange } from './PreparedChange';
import {
  NamespaceDraft,
  prepareNamespaceBundle,
} from './prepareNamespaceBundle';
import type { ProvisioningContext } from './ProvisioningContext';
import { registryPrefixRule } from './registryPrefixRule';
import { resolveSettings } from './resolveSettings';
import { tenantSourceRepos } from './tenantSourceRepos';

/**
 * A tenant onboarding as asked for; first namespaces with a size and/or
 * explicit quota each.
 *
 * @public
 */
export interface TenantDraft extends Omit<TenantRequestInput, 'namespaces'> {
  namespaces?: Array<Omit<NamespaceDraft, 'tenant'>>;
  /**
   * Image registries of the tenant's own besides the platform default
   * (`spec.allowedRegistries`); later changed by `tenancy:tenant:exception`.
   */
  allowedRegistries?: string[];
}

/**
 * `tenancy:tenant:create` without its side effects: the Tenant entity, its
 * AppProject (explicit destinations), its own guardrails (`guardrails.yaml`,
 * the registry policy of its namespaces, when the platform configures an
 * engine) and its first namespaces, each rendered as
 * `tenancy:namespace:create` renders it.
 *
 * @public
 */
export function prepareTenantCreate(
  draft: TenantDraft,
  options: {
    context: ProvisioningContext;
    /** Whether the owner is a Group of the catalog. */
    ownerExists: boolean;
  },
): PreparedChange & {
  entity: ReturnType<typeof renderTenantEntity>;
  namespaces: string[];
} {
  const { context, ownerExists } = options;
  const { policy, layout } = context;
  const problems: ValidationProblem[] = [];
  const { allowedRegistries, ...input } = draft;
  const request: TenantRequestInput = {
    ...input,
    namespaces: (draft.namespaces ?? []).map((ns, i) => {
      const resolved = resolveSettings(policy, ns, `namespaces[${i}].size`);
      problems.push(...resolved.problems);
      return resolved.input;
    }),
  };
  problems.push(
    ...validateTenantRequest(request, {
      existingTenants: context.tenants,
      policy,
    }),
  );
  (allowedRegistries ?? []).forEach((registry, i) =>
    problems.push(...registryPrefixRule(registry, `allowedRegistries[${i}]`)),
  );
  if (!ownerExists) {
    problems.push({
      field: 'owner',
      rule: 'exists',
      message: `owner ${request.owner} is not a Group of the catalog`,
    });
  }
  const rendered = renderTenantEntity(request);
  const entity = allowedRegistries?.length
    ? {
        ...rendered,
        spec: {
          ...rendered.spec,
          allowedRegistries: [...new Set(allowedRegistries)],
        },
      }
    : rendered;
  const base = {
    entity,
    tenant: request.name,
    subject: 'onboarding',
    title: `Onboard tenant ${request.name}`,
  };
  const bundles = problems.length
    ? []
    : request.namespaces!.map(ns =>
        prepareNamespaceBundle(
          { ...ns, tenant: request.name },
          { tenant: entity, owner: request.owner, context },
        ),
      );
  problems.push(...bundles.flatMap(b => b.problems));
  if (problems.length > 0) {
    return {
      ...base,
      namespaces: [],
      problems,
      files: {},
      checks: [],
      describe: () => '',
    };
  }
  const namespaces = bundles.map(b => b.request!);
  const project = renderTenantAppProject({
    tenant: request.name,
    ssoGroup: request.ssoGroup,
    sourceRepos: tenantSourceRepos(policy, request.name),
    // Namespaces on Flux clusters are Flux's: not Argo CD destinations.
    destinations: namespaces
      .filter(ns => gitOpsEngineOf(policy, ns.cluster) === 'argocd')
      .map(ns => ({ cluster: ns.cluster, namespace: ns.namespace })),
  });
  const files: Record<string, string> = {
    [layout.tenantFile(request.name)]: serializeManifests([entity]),
    [layout.tenantProjectFile(request.name)]: serializeManifests([project]),
  };
  const guardrails = renderTenantGuardrails(entity, policy);
  if (guardrails.length > 0) {
    files[tenantGuardrailsFile(layout, request.name)] =
      serializeManifests(guardrails);
  }
  for (const bundle of bundles) Object.assign(files, bundle.files);
  // On a Flux cluster, the Kustomization applying the tenant's environment.
  for (const ns of namespaces) {
    if (gitOpsEngineOf(policy, ns.cluster) !== 'flux') continue;
    files[layout.fluxTenantFile(ns.cluster, request.name, ns.environment)] =
      serializeManifests([
        renderFluxTenantKustomization({
          layout,
          tenant: request.name,
          environment: ns.environment,
        }),
      ]);
  }
  return {
    ...base,
    namespaces: namespaces.map(ns => ns.namespace),
    problems,
    files,
    checks: tenantRequestChecks(),
    describe: (paths, checks) =>
      describeTenantRequest({
        tenant: entity,
        namespaces,
        requestedBy: context.requestedBy,
        files: paths,
        checks,
      }),
  };
}
