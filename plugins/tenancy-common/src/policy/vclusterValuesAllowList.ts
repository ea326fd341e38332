import type { ValidationProblem } from './ValidationProblem';

/**
 * The `vcluster.yaml` key paths (chart 0.36) a tenant may set in a vCluster
 * request, each with why it stays inside the vCluster's host namespace. A
 * path allows everything below it. Every other key is the platform's: the
 * chart's defaults, or what the platform renders (policies, scheduling,
 * kubeconfig export, node sync of a node pool).
 *
 * Not on the list, on purpose (each reaches beyond the host namespace or
 * undoes a platform setting): `rbac.*` (cluster and namespace roles),
 * `experimental.deploy` / `manifests*` (raw host manifests), any
 * `scheduling`, `nodeSelector`, `tolerations` or `enforceTolerations`
 * (control-plane or arbitrary nodes), `sync.toHost.namespaces` (host
 * namespaces), `sync.fromHost.*` (host nodes, secrets, config maps, classes
 * of the whole cluster), `networking.replicateServices` (services of other
 * namespaces), `controlPlane.hostPathMapper` and `*.volumes` (host paths),
 * `security` / `securityContext` (privileged), `policies` (quota, limit
 * range, network policy, Pod Security), `sync.toHost.networkPolicies` (host
 * NetworkPolicies are additive: a synced one opens the platform's
 * default-deny), `plugin` / `plugins`, `exportKubeConfig` (an insecure or
 * service-account kubeconfig), images and registries (a tenant's image would
 * run with the vCluster's host service account), `controlPlane.ingress` and
 * `controlPlane.service` (host ingress hosts, load balancers).
 *
 * @public
 */
export const VCLUSTER_VALUES_ALLOW_LIST: Readonly<Record<string, string>> = {
  'controlPlane.distro.k8s.version':
    'the Kubernetes version of the virtual control plane, an image tag of the upstream image; no image or registry of its own',
  'controlPlane.distro.k8s.resources':
    'requests and limits of the control plane container, counted by the host namespace quota',
  'controlPlane.statefulSet.resources':
    'requests and limits of the vCluster pod, counted by the host namespace quota',
  'controlPlane.statefulSet.highAvailability.replicas':
    'more control-plane pods in the host namespace, counted by its quota',
  'controlPlane.statefulSet.persistence.volumeClaim.size':
    'the size of the control plane volume claim in the host namespace, counted by its storage quota',
  'controlPlane.coredns.deployment.replicas':
    'CoreDNS pods of the vCluster, synced into the host namespace',
  'controlPlane.coredns.deployment.resources':
    'their requests and limits, counted by the host namespace quota',
  'controlPlane.proxy.extraSANs':
    'extra names in the virtual API server certificate; names, no access',
  'sync.toHost.ingresses.enabled':
    "the vCluster's Ingresses synced into the host namespace, as a tenant namespace may have them",
  'sync.toHost.persistentVolumeClaims.enabled':
    'claims synced into the host namespace, counted by its quota (volumes are not synced: persistentVolumes stays off)',
  'sync.toHost.podDisruptionBudgets.enabled':
    'disruption budgets of the synced pods, in the host namespace',
  'sync.toHost.serviceAccounts.enabled':
    'service accounts synced into the host namespace, bound to nothing there',
  'sync.toHost.configMaps.all':
    'every config map of the vCluster synced into the host namespace, not only those pods use',
  'sync.toHost.secrets.all':
    'every secret of the vCluster synced into the host namespace, not only those pods use',
  'sync.toHost.pods.rewriteHosts.enabled':
    "an init container rewriting /etc/hosts of the vCluster's stateful set pods",
  'telemetry.enabled': "switching vCluster's telemetry off (or on)",
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Refuses every key of `values` outside `VCLUSTER_VALUES_ALLOW_LIST`, naming
 * its key path (`values.<path>`, rule `not-allowed`). `skip` are top-level
 * keys checked by other rules.
 *
 * @public
 */
export function vclusterValuesAllowListRule(
  values: Record<string, unknown>,
  skip: (path: string) => boolean = () => false,
): ValidationProblem[] {
  const allowed = Object.keys(VCLUSTER_VALUES_ALLOW_LIST);
  const problems: ValidationProblem[] = [];
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (skip(path) || allowed.includes(path)) continue;
      if (isObject(value) && allowed.some(a => a.startsWith(`${path}.`))) {
        walk(value, path);
        continue;
      }
      problems.push({
        field: `values.${path}`,
        rule: 'not-allowed',
        message: `values.${path} is not a vCluster setting tenants may choose; the platform sets it. Tenants may set: ${allowed.join(
          ', ',
        )}`,
      });
    }
  };
  walk(values, '');
  return problems;
}
