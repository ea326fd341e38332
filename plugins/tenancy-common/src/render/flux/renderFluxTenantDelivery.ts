import type { TenancyPolicy } from '../../policy/TenancyPolicy';
import type { Manifest } from '../renderNamespaceBundle';
import {
  checkFluxTenantDelivery,
  FluxTenantDelivery,
} from './checkFluxTenantDelivery';

/**
 * The service account a tenant's own Flux Kustomizations impersonate, in
 * each namespace that has a delivery: bound to the tenant's ClusterRoles
 * (`tenancy.policy.clusterRoles`, e.g. `tenancy-tenant`) in that namespace
 * only, so the tenant's objects are applied with the tenant's rights, not
 * the controller's.
 *
 * @public
 */
export const FLUX_TENANT_SERVICE_ACCOUNT = 'tenancy-reconciler';

/**
 * A tenant's own delivery with Flux, the counterpart of an Argo CD
 * Application in the tenant's AppProject: objects for one of the tenant's
 * namespaces that reconcile the tenant's repository into that namespace.
 *
 * - a ServiceAccount `FLUX_TENANT_SERVICE_ACCOUNT` and a RoleBinding per
 *   ClusterRole of `tenancy.policy.clusterRoles` (`tenancy-reconciler-<role>`),
 *   the rights the tenant's SSO group has in the namespace;
 * - the source, named `name`: a GitRepository (`https://`, `http://`,
 *   `ssh://`; `branch`, default `main`) or, for an `oci://` URL, an
 *   OCIRepository (`tag`, default `latest`);
 * - a Kustomization `name` with `sourceRef` to that source in the same
 *   namespace (the lockdown's `--no-cross-namespace-refs` refuses any
 *   other), `serviceAccountName` the tenant's service account,
 *   `targetNamespace` the namespace, `prune: true` and `wait: true`.
 *
 * The URL must be allowed by `tenancy.policy.argocd.sourceRepos`, the list
 * that bounds the tenant's Argo CD AppProject (see `checkFluxTenantSource`);
 * a URL outside it, or a bad interval, ref or path, throws a TypeError
 * naming the field and the rule (`checkFluxTenantDelivery`), and nothing is
 * rendered.
 *
 * These objects are the platform's: they belong in the namespace's folder,
 * applied by the platform's Kustomization (`renderFluxBootstrap`), since a
 * tenant cannot write RoleBindings; only what the tenant's repository holds
 * is applied with the tenant's rights. `targetNamespace` sets the namespace
 * of every namespaced object the source holds (kustomize's namespace
 * transformer overrides one written in the source); a cluster-scoped object
 * is refused by the Kubernetes API for the tenant's service account, which
 * has rights in this namespace only. So does a Flux object (a HelmRelease,
 * a nested Kustomization) in the tenant's repository: the platform's tenant
 * roles grant no Flux kinds, so the tenant's repository holds plain
 * manifests and kustomize overlays.
 *
 * A namespace request's `delivery` on a Flux cluster writes them to the
 * folder's `flux-delivery.yaml` (`renderNamespaceBundle`).
 *
 * @public
 */
export function renderFluxTenantDelivery(
  options: FluxTenantDelivery & {
    tenant: string;
    /** The tenant's namespace the delivery lives in and deploys to. */
    namespace: string;
    /** Name of the source and the Kustomization; default `tenant-apps`. */
    name?: string;
    policy: Pick<TenancyPolicy, 'argocd' | 'clusterRoles'>;
  },
): Manifest[] {
  const { tenant, namespace, url, policy } = options;
  const name = options.name ?? 'tenant-apps';
  const interval = options.interval ?? '5m';
  const oci = url.startsWith('oci://');
  const problems = checkFluxTenantDelivery({
    tenant,
    delivery: options,
    policy,
  }).map(p => `${p.field} (${p.rule}): ${p.message}`);
  if (problems.length) {
    throw new TypeError(
      `Flux delivery ${namespace}/${name}: ${problems.join('; ')}`,
    );
  }
  const labels = { 'tenancy.io/tenant': tenant };
  const metadata = (objectName: string) => ({
    name: objectName,
    namespace,
    labels: { ...labels },
  });
  const source: Manifest = oci
    ? {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'OCIRepository',
        metadata: metadata(name),
        spec: {
          url,
          ref: { tag: options.tag ?? 'latest' },
          interval,
          ...(options.secretName
            ? { secretRef: { name: options.secretName } }
            : {}),
        },
      }
    : {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: metadata(name),
        spec: {
          url,
          ref: { branch: options.branch ?? 'main' },
          interval,
          ...(options.secretName
            ? { secretRef: { name: options.secretName } }
            : {}),
        },
      };
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: metadata(FLUX_TENANT_SERVICE_ACCOUNT),
    },
    ...policy.clusterRoles.map(role => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(`${FLUX_TENANT_SERVICE_ACCOUNT}-${role}`),
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: role,
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: FLUX_TENANT_SERVICE_ACCOUNT,
          namespace,
        },
      ],
    })),
    source,
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: metadata(name),
      spec: {
        interval,
        retryInterval: '1m',
        timeout: '5m',
        sourceRef: { kind: source.kind, name },
        path: options.path ?? './',
        prune: true,
        wait: true,
        targetNamespace: namespace,
        serviceAccountName: FLUX_TENANT_SERVICE_ACCOUNT,
      },
    },
  ];
}
