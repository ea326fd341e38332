import { gitOpsEngineOf } from '../gitops/gitOpsEngineOf';
import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import {
  CONTAINER_LIMIT_LEVELS,
  ContainerLimits,
  layerContainerLimits,
} from '../policy/rules/limits';
import { validateNamespaceRequest } from '../policy/validateNamespaceRequest';
import { NAMESPACE_BUNDLE_FILES } from '../render/namespaceBundleFiles';
import {
  Manifest,
  NamespaceBundleRequest,
  renderNamespaceBundle,
  SECURE_QUOTA_DEFAULTS,
} from '../render/renderNamespaceBundle';
import { serializeManifests } from '../render/serializeManifests';
import {
  describeNamespaceRequest,
  namespaceRequestChecks,
} from './describeNamespaceRequest';
import { namespaceNamePart } from './namespaceNamePart';
import { namespaceRequestSubject } from './namespaceRequestSubject';
import type { PreparedChange } from './PreparedChange';
import type { ProvisioningContext } from './ProvisioningContext';
import { CurrentObject, readNamespaceSettings } from './readNamespaceSettings';
import { resolveContainerLimits } from './resolveContainerLimits';
import { resolveQuota } from './resolveQuota';
import { tenantForValidation } from './tenantForValidation';

/**
 * A change to an existing tenant namespace, as asked for.
 *
 * @public
 */
export interface NamespaceUpdateDraft {
  /** The existing namespace and where it lives (from its catalog entity). */
  namespace: string;
  environment: string;
  cluster: string;
  /** Its description, shown to the reviewer. */
  purpose?: string;
  /** A size of the policy: its quota values and, when configured, its container limits. */
  size?: string;
  /** Quota values to change; the others stay. */
  quota?: Record<string, string>;
  /** Container limits to change, value by value; the others stay. */
  limits?: ContainerLimits;
  /** Labels to add or change; the others stay. */
  labels?: Record<string, string>;
  /** Why; shown to the reviewer. */
  reason?: string;
  /**
   * The texts of the namespace's Namespace, ResourceQuota and LimitRange
   * files on the base branch (`NAMESPACE_BUNDLE_FILES`); absent ones are
   * rendered as a new namespace would get them.
   */
  current: { namespace?: string; quota?: string; limits?: string };
}

/** The file text with the object of interest replaced by `edit`'s result. */
function patched(
  current: CurrentObject,
  edit: (object: Manifest) => Manifest,
): string {
  const objects = [...current.objects];
  objects[current.index] = edit(structuredClone(objects[current.index]));
  return serializeManifests(objects);
}

/**
 * `tenancy:namespace:update` without its side effects. An update changes
 * only what it was asked to change and keeps everything else as it is on
 * the base branch: the ResourceQuota gets the size's and the given quota
 * values over its own, the container LimitRange the size's configured
 * limits and the given ones over its own, the Namespace the given labels
 * over its own; every other field, object and file stays. The resulting
 * settings are checked by the namespace rules, and only the files that
 * change are written.
 *
 * @public
 */
export function prepareNamespaceUpdate(
  draft: NamespaceUpdateDraft,
  options: {
    tenant: TenantEntityV1alpha1;
    owner: string;
    context: ProvisioningContext;
  },
): PreparedChange & {
  /** The namespace's quota after the change (for the tenant budget). */
  quota: Record<string, string>;
} {
  const { namespace, environment, reason } = draft;
  const { tenant: entity, owner, context } = options;
  const { policy, layout } = context;
  const tenant = entity.metadata.name;
  const refused = (problems: PreparedChange['problems']) => ({
    quota: {} as Record<string, string>,
    tenant,
    subject: namespaceRequestSubject(namespace, 'update'),
    title: `Change namespace ${namespace} of tenant ${tenant} (${environment})`,
    files: {},
    checks: [],
    describe: () => '',
    problems,
  });
  if (!draft.size && !draft.quota && !draft.limits && !draft.labels) {
    return refused([
      {
        field: 'size',
        rule: 'something-to-change',
        message: 'nothing to change: give a size, quota, limits or labels',
      },
    ]);
  }
  const part = namespaceNamePart(namespace, tenant, environment);
  if (part.problem) return refused([part.problem]);

  const current = readNamespaceSettings(draft.current);
  const resolved = resolveQuota(policy, draft.size, draft.quota);
  const quota = { ...current.quota, ...resolved.quota };
  const sizeLimits = draft.size
    ? policy.containerLimits?.[draft.size]
    : undefined;
  const limits = current.limits
    ? layerContainerLimits(current.limits, sizeLimits, draft.limits)
    : resolveContainerLimits({
        policy,
        environment,
        size: draft.size,
        quota,
        limits: draft.limits,
      });
  const labels = { ...current.labels, ...draft.labels };
  // What the platform sets on every namespace is not the tenant's request.
  const requested = Object.fromEntries(
    Object.entries(quota).filter(
      ([k, v]) =>
        SECURE_QUOTA_DEFAULTS[k as keyof typeof SECURE_QUOTA_DEFAULTS] !== v,
    ),
  );
  const problems = [
    ...resolved.problems,
    ...validateNamespaceRequest(
      {
        tenant,
        environment,
        cluster: draft.cluster,
        name: part.name,
        quota: requested,
        limits,
        labels,
        purpose: draft.purpose,
      },
      {
        tenant: tenantForValidation(entity),
        otherTenants: context.tenants,
        policy,
      },
    ),
  ];
  if (problems.length > 0) return refused(problems);

  const request: NamespaceBundleRequest = {
    tenant,
    owner,
    costCenter: entity.spec.costCenter,
    environment,
    cluster: draft.cluster,
    namespace,
    ssoGroup: entity.spec.ssoGroup!,
    clusterRoles: policy.clusterRoles,
    podSecurity: policy.environments[environment].podSecurity,
    quota: requested,
    limits,
    labels,
    purpose: draft.purpose,
    requestedBy: context.requestedBy,
    ingressNamespaces: policy.ingressNamespaces,
  };
  const dir = layout.namespaceDir(tenant, environment, namespace);
  const path = (file: string) => `${dir}/${file}`;
  const fresh = (file: string) =>
    serializeManifests(renderNamespaceBundle(request, layout)[path(file)]);
  const { objects } = current;
  const next: Record<string, string | undefined> = {};
  if (draft.size || draft.quota) {
    next[NAMESPACE_BUNDLE_FILES.quota] = objects.quota
      ? patched(objects.quota, o => ({
          ...o,
          spec: { ...(o.spec as object), hard: quota },
        }))
      : fresh(NAMESPACE_BUNDLE_FILES.quota);
  }
  if (sizeLimits || draft.limits || !objects.limits) {
    next[NAMESPACE_BUNDLE_FILES.limits] = objects.limits
      ? patched(objects.limits, o => {
          const spec = (o.spec ?? {}) as { limits?: Array<Manifest> };
          const items = [...(spec.limits ?? [])];
          const at = items.findIndex(i => i.type === 'Container');
          const item = { ...(at === -1 ? { type: 'Container' } : items[at]) };
          for (const level of CONTAINER_LIMIT_LEVELS) {
            if (limits[level]) item[level] = limits[level];
          }
          if (at === -1) items.push(item);
          else items[at] = item;
          return { ...o, spec: { ...spec, limits: items } };
        })
      : fresh(NAMESPACE_BUNDLE_FILES.limits);
  }
  if (draft.labels) {
    next[NAMESPACE_BUNDLE_FILES.namespace] = objects.namespace
      ? patched(objects.namespace, o => {
          const metadata = (o.metadata ?? {}) as { labels?: object };
          return {
            ...o,
            metadata: {
              ...metadata,
              labels: { ...metadata.labels, ...draft.labels },
            },
          };
        })
      : fresh(NAMESPACE_BUNDLE_FILES.namespace);
  }
  const before: Record<string, string | undefined> = {
    [NAMESPACE_BUNDLE_FILES.namespace]: draft.current.namespace,
    [NAMESPACE_BUNDLE_FILES.quota]: draft.current.quota,
    [NAMESPACE_BUNDLE_FILES.limits]: draft.current.limits,
  };
  const files = Object.fromEntries(
    Object.entries(next)
      .filter(([file, text]) => text !== undefined && text !== before[file])
      .map(([file, text]) => [path(file), text!]),
  );
  if (Object.keys(files).length === 0) {
    return refused([
      {
        field: 'namespace',
        rule: 'unchanged',
        message: `namespace ${namespace} already has these settings: nothing to change`,
      },
    ]);
  }
  return {
    ...refused([]),
    quota: requested,
    files,
    checks: namespaceRequestChecks(),
    describe: (paths, checks) =>
      describeNamespaceRequest({
        request,
        ceiling: policy.environments[environment].ceiling,
        files: paths,
        checks,
        change: { reason },
        engine: gitOpsEngineOf(policy, request.cluster),
      }),
  };
}
