import {
  composeNamespaceName,
  GitOpsLayout,
  NamespaceBundleRequest,
  NamespaceRequestInput,
  renderNamespaceBundle,
  serializeManifests,
  TenancyPolicy,
  TenantEntityV1alpha1,
  validateNamespaceRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

import { throwIfInvalid } from './throwIfInvalid';

/**
 * Validates a namespace request against its tenant and the platform policy
 * (an InputError lists every problem) and renders its bundle to YAML files.
 * Shared by the create and update actions.
 */
export function prepareNamespaceBundle(options: {
  input: NamespaceRequestInput;
  tenant: TenantEntityV1alpha1;
  owner: string;
  requestedBy: string;
  otherTenants: string[];
  policy: TenancyPolicy;
  layout: GitOpsLayout;
}) {
  const { input, tenant, owner, requestedBy, otherTenants, policy, layout } =
    options;
  const problems = validateNamespaceRequest(input, {
    tenant: {
      name: tenant.metadata.name,
      environments: tenant.spec.environments ?? [],
      ssoGroup: tenant.spec.ssoGroup,
    },
    otherTenants,
    policy,
  });
  throwIfInvalid('namespace', problems);
  const namespace = composeNamespaceName({
    tenant: input.tenant,
    environment: input.environment,
    suffix: input.name,
  });
  const environment = policy.environments[input.environment];
  const request: NamespaceBundleRequest = {
    ...input,
    namespace,
    owner,
    costCenter: tenant.spec.costCenter,
    ssoGroup: tenant.spec.ssoGroup!,
    clusterRoles: policy.clusterRoles,
    podSecurity: environment.podSecurity,
    requestedBy,
  };
  const files = Object.fromEntries(
    Object.entries(renderNamespaceBundle(request, layout)).map(
      ([path, objects]) => [path, serializeManifests(objects)],
    ),
  );
  return { request, files, ceiling: environment.ceiling };
}
