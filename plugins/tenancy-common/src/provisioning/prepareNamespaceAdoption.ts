import type { ObservedNamespace } from '../api/EntitySummary';
import { TENANCY_ANNOTATIONS } from '../model/annotations';
import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import { parseQuantity } from '../policy/quantity';
import { labelsRule } from '../policy/rules/labels';
import {
  CONTAINER_LIMIT_LEVELS,
  ContainerLimits,
} from '../policy/rules/limits';
import { problem } from '../policy/rules/problem';
import {
  renderNamespaceManifest,
  SECURE_QUOTA_DEFAULTS,
} from '../render/renderNamespaceBundle';
import { describeNamespaceAdoption } from './describeNamespaceAdoption';
import { namespaceRequestChecks } from './describeNamespaceRequest';
import { namespaceNamePart } from './namespaceNamePart';
import { namespaceRequestSubject } from './namespaceRequestSubject';
import type { PreparedChange } from './PreparedChange';
import {
  PreparedNamespaceBundle,
  prepareNamespaceBundle,
} from './prepareNamespaceBundle';
import type { ProvisioningContext } from './ProvisioningContext';

/**
 * An orphan namespace to adopt: what its cluster has (the tenancy
 * backend's `getObservedNamespace`) and why.
 *
 * @public
 */
export interface NamespaceAdoptionDraft {
  observed: ObservedNamespace;
  /** Why; shown to the reviewer and the entity's description. */
  reason?: string;
}

/**
 * The quota a namespace's ResourceQuotas enforce together: per resource the
 * smallest hard value (each quota applies on its own).
 */
function effectiveQuota(
  quotas: ObservedNamespace['quotas'],
): Record<string, string> {
  const quota: Record<string, string> = {};
  for (const { hard } of quotas) {
    for (const [resource, value] of Object.entries(hard)) {
      const before = quota[resource];
      const smaller =
        before === undefined ||
        (parseQuantity(value)?.value ?? Infinity) <
          (parseQuantity(before)?.value ?? Infinity);
      if (smaller) quota[resource] = value;
    }
  }
  return quota;
}

/** The container defaults and maximums of the first LimitRange that has them. */
function containerLimits(
  limitRanges: ObservedNamespace['limitRanges'],
): ContainerLimits | undefined {
  for (const range of limitRanges) {
    const item = range.limits.find(l => l.type === 'Container');
    if (!item) continue;
    const limits: ContainerLimits = {};
    for (const level of CONTAINER_LIMIT_LEVELS) {
      if (item[level]) limits[level] = { ...item[level] };
    }
    return limits;
  }
  return undefined;
}

/**
 * `tenancy:namespace:adopt` without its side effects: the namespace bundle
 * of an orphan (a namespace with tenancy labels that no file of the GitOps
 * repository describes), rendered from what its cluster has: tenant and
 * environment from its `tenancy.io/*` labels, its other labels outside the
 * platform's domains, the quota its ResourceQuotas enforce (the smallest
 * value of each resource), the container defaults and maximums of its
 * LimitRange. Validated by the rules of `tenancy:namespace:create`
 * (prepareNamespaceBundle): live values that break one (e.g. a quota over
 * the environment's ceiling, a name not `<tenant>-<name>-<environment>`) refuse the
 * adoption naming the field and the rule; nothing is rendered within the
 * rule instead, because the merge would then change the live namespace
 * under the name of adopting it.
 *
 * @public
 */
export function prepareNamespaceAdoption(
  draft: NamespaceAdoptionDraft,
  options: {
    tenant: TenantEntityV1alpha1;
    owner: string;
    context: ProvisioningContext;
  },
): PreparedChange & PreparedNamespaceBundle {
  const { observed, reason } = draft;
  const { tenant: entity } = options;
  const tenant = entity.metadata.name;
  const { namespace, cluster, labels } = observed;
  const environment = labels[TENANCY_ANNOTATIONS.environment] ?? '';
  const base = {
    namespace,
    tenant,
    subject: namespaceRequestSubject(namespace, 'create'),
    title: `Adopt namespace ${namespace} of tenant ${tenant} (${environment}) on ${cluster}`,
    checks: [],
    describe: () => '',
  };
  const refused = (problems: PreparedChange['problems']) => ({
    ...base,
    quota: {},
    limits: {},
    ceiling: {},
    files: {},
    problems,
  });
  const label = (key: string) => `labels.${key}`;
  if (!environment) {
    return refused([
      problem(
        label(TENANCY_ANNOTATIONS.environment),
        'required',
        `namespace ${namespace} carries no ${TENANCY_ANNOTATIONS.environment} label: label it with one of the tenant's environments in the cluster before adopting it`,
      ),
    ]);
  }
  if (labels[TENANCY_ANNOTATIONS.tenant] !== tenant) {
    return refused([
      problem(
        label(TENANCY_ANNOTATIONS.tenant),
        'tenant',
        `namespace ${namespace} is labelled for tenant ${
          labels[TENANCY_ANNOTATIONS.tenant]
        }, not ${tenant}`,
      ),
    ]);
  }
  const part = namespaceNamePart(namespace, tenant, environment);
  if (part.problem) {
    return refused([
      problem(
        part.problem.field,
        part.problem.rule,
        `namespace ${namespace} is not named <tenant>-<name>-<environment> (${tenant}-…-${environment}) as every namespace of the GitOps repository is, so it cannot be adopted under its name: flag it for removal and request a namespace with the new-namespace template instead`,
      ),
    ]);
  }

  const observedQuota = effectiveQuota(observed.quotas);
  // What the platform sets on every namespace is not the tenant's request.
  const quota = Object.fromEntries(
    Object.entries(observedQuota).filter(
      ([k, v]) =>
        SECURE_QUOTA_DEFAULTS[k as keyof typeof SECURE_QUOTA_DEFAULTS] !== v,
    ),
  );
  const ownLabels = Object.fromEntries(
    Object.entries(labels).filter(
      ([k, v]) => labelsRule({ [k]: v }).length === 0,
    ),
  );
  const prepared = prepareNamespaceBundle(
    {
      tenant,
      environment,
      cluster,
      name: part.name,
      quota,
      limits: containerLimits(observed.limitRanges),
      labels: ownLabels,
      purpose: reason,
    },
    options,
  );
  const noQuota = observed.quotas.length
    ? []
    : [
        problem(
          'quota',
          'observed-quota',
          `namespace ${namespace} has no ResourceQuota on cluster ${cluster}: give it one there, or flag it for removal`,
        ),
      ];
  const problems = [...noQuota, ...prepared.problems];
  if (problems.length || !prepared.request) return refused(problems);
  const request = prepared.request;
  return {
    ...prepared,
    ...base,
    checks: [
      {
        name: `the namespace is an orphan: no file of the GitOps repository's default branch describes it (tenancy backend, observed ${observed.observedAt})`,
        result: 'passed',
      },
      ...namespaceRequestChecks(),
    ],
    describe: (paths, checks) =>
      describeNamespaceAdoption({
        observed,
        request,
        renderedLabels: (
          renderNamespaceManifest(request) as {
            metadata: { labels: Record<string, string> };
          }
        ).metadata.labels,
        observedQuota,
        ceiling: prepared.ceiling,
        files: paths,
        checks,
      }),
  };
}
