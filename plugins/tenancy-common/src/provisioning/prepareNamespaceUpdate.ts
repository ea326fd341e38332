import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import type { ContainerLimits } from '../policy/validateNamespaceRequest';
import {
  describeNamespaceRequest,
  namespaceRequestChecks,
} from './describeNamespaceRequest';
import { namespaceNamePart } from './namespaceNamePart';
import type { PreparedChange } from './PreparedChange';
import { prepareNamespaceBundle } from './prepareNamespaceBundle';
import type { ProvisioningContext } from './ProvisioningContext';

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
  /** Its description, kept on the re-rendered entity. */
  purpose?: string;
  size?: string;
  quota?: Record<string, string>;
  limits?: ContainerLimits;
  labels?: Record<string, string>;
  /** Why; shown to the reviewer. */
  reason?: string;
}

/**
 * `tenancy:namespace:update` without its side effects: the namespace bundle
 * re-rendered with the new settings, validated by the namespace rules.
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
): PreparedChange {
  const { namespace, environment, reason } = draft;
  const tenant = options.tenant.metadata.name;
  const base = {
    tenant,
    subject: `${namespace}-update`,
    title: `Change namespace ${namespace} of tenant ${tenant} (${environment})`,
  };
  if (!draft.size && !draft.quota && !draft.limits && !draft.labels) {
    return {
      ...base,
      files: {},
      checks: [],
      describe: () => '',
      problems: [
        {
          field: 'size',
          rule: 'something-to-change',
          message: 'nothing to change: give a size, quota, limits or labels',
        },
      ],
    };
  }
  const part = namespaceNamePart(namespace, tenant, environment);
  if (part.problem) {
    return {
      ...base,
      files: {},
      checks: [],
      describe: () => '',
      problems: [part.problem],
    };
  }
  const prepared = prepareNamespaceBundle(
    {
      tenant,
      environment,
      cluster: draft.cluster,
      name: part.name,
      size: draft.size,
      quota: draft.quota,
      limits: draft.limits,
      labels: draft.labels,
      purpose: draft.purpose,
    },
    options,
  );
  return {
    ...base,
    problems: prepared.problems,
    files: prepared.files,
    checks: prepared.problems.length ? [] : namespaceRequestChecks(),
    describe: (paths, checks) =>
      describeNamespaceRequest({
        request: prepared.request!,
        ceiling: prepared.ceiling,
        files: paths,
        checks,
        change: { reason },
      }),
  };
}
