import { sha } from './applicationStatus';
import { hashFraction } from './hash';
import {
  SimulatedFluxHelmRelease,
  SimulatedFluxKustomization,
  SimulatedFluxObject,
} from './SimulatedWorld';
import { FLUX_NAMESPACE } from './fluxObjects';

const CREATED = '2026-01-05T09:00:00Z';
const RECONCILED = '2026-11-20T08:15:00Z';
const ATTEMPTED = '2026-11-20T08:20:00Z';

/** A condition as the Flux controllers write it. */
const condition = (
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  observedGeneration: number,
  lastTransitionTime = RECONCILED,
) => ({
  type,
  status,
  reason,
  message,
  observedGeneration,
  lastTransitionTime,
});

const uid = (text: string) => {
  const h = sha(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
};

/** An inventory entry's id: `<namespace>_<name>_<group>_<Kind>`. */
function inventoryEntry(o: SimulatedFluxObject) {
  const [group, version] = o.apiVersion.includes('/')
    ? o.apiVersion.split('/')
    : ['', o.apiVersion];
  return {
    id: `${o.namespace ?? ''}_${o.name}_${group}_${o.kind}`,
    v: version,
  };
}

/**
 * A source revision: `<ref>@sha1:<40 hex>` (Git) or `<ref>@sha256:<64 hex>` (OCI).
 */
function revisionOf(format: string, text: string) {
  const digest = format.endsWith('@sha256')
    ? `${sha(text)}${sha(`${text}:2`).slice(0, 24)}`
    : sha(text);
  return `${format}:${digest}`;
}

/**
 * How a Kustomization reconciles, stable per cluster, namespace and name:
 * the platform's own ones (no `tenancy.io/tenant` label) Ready; a tenant's
 * (`tenancy-<tenant>-<env>` in `flux-system`, or the tenant's delivery in
 * its namespace) mostly Ready, some Progressing (a new revision being
 * applied), some failing their health checks or their build, a few
 * suspended (the status keeps its last values, as Flux leaves it). `fresh`:
 * it appeared after the cluster's first Kustomization list (a request merged
 * while the simulators run), so Flux has just applied it and it is Ready.
 */
export function fluxKustomizationObject(
  cluster: string,
  k: SimulatedFluxKustomization,
  fresh: boolean,
) {
  const namespace = k.namespace ?? FLUX_NAMESPACE;
  const key = `${cluster}/${namespace}/${k.name}`;
  const platformOwn = !k.labels['tenancy.io/tenant'];
  const r = fresh || platformOwn ? 0 : hashFraction(`flux:${key}`);
  const suspended =
    !fresh && !platformOwn && hashFraction(`flux-suspend:${key}`) < 0.06;
  const generation = 1 + Math.floor(hashFraction(`flux-gen:${key}`) * 4);
  const format = k.revision ?? 'main@sha1';
  const applied = revisionOf(format, `${key}:applied`);
  const attempted = revisionOf(format, `${key}:attempted`);
  const path = String(k.spec.path ?? '.');
  /** Where kustomize-controller builds it: its path in the source's artifact. */
  const tmp = [
    `/tmp/kustomization-${sha(key).slice(0, 10)}`,
    path.replace(/^\.\//, '').replace(/\/$/, ''),
  ]
    .filter(Boolean)
    .join('/');
  const inventory = {
    entries: k.inventory
      .map(inventoryEntry)
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
  const first = k.inventory.find(o => o.kind !== 'Namespace') ?? k.inventory[0];
  let status: Record<string, unknown>;
  if (k.pathMissing) {
    status = {
      conditions: [
        condition(
          'Ready',
          'False',
          'ArtifactFailed',
          `kustomization path not found: stat ${tmp}: no such file or directory`,
          generation,
        ),
      ],
      lastAttemptedRevision: attempted,
      observedGeneration: generation,
    };
  } else if (r < 0.7) {
    status = {
      conditions: [
        condition(
          'Ready',
          'True',
          'ReconciliationSucceeded',
          `Applied revision: ${applied}`,
          generation,
        ),
      ],
      inventory,
      lastAppliedRevision: applied,
      lastAttemptedRevision: applied,
      observedGeneration: generation,
    };
  } else if (r < 0.8) {
    status = {
      conditions: [
        condition(
          'Reconciling',
          'True',
          'Progressing',
          `Detecting drift for revision ${attempted} with a timeout of 5m0s`,
          generation,
          ATTEMPTED,
        ),
        condition(
          'Ready',
          'Unknown',
          'Progressing',
          'Reconciliation in progress',
          generation,
          ATTEMPTED,
        ),
      ],
      inventory,
      lastAppliedRevision: applied,
      lastAttemptedRevision: attempted,
      observedGeneration: generation - 1 || -1,
    };
  } else if (r < 0.9) {
    // Without an inventory, a tenant's delivery waits for a Deployment of
    // the tenant's repository.
    const fallback =
      namespace === FLUX_NAMESPACE
        ? `Namespace/${k.name}`
        : `Deployment/${namespace}/${k.name}`;
    const what = first
      ? `${first.kind}/${first.namespace ? `${first.namespace}/` : ''}${
          first.name
        }`
      : fallback;
    status = {
      conditions: [
        condition(
          'Ready',
          'False',
          'HealthCheckFailed',
          `health check failed after 5m0.012s: timeout waiting for: [${what} status: 'InProgress']`,
          generation,
        ),
        condition(
          'Healthy',
          'False',
          'HealthCheckFailed',
          `health check failed after 5m0.012s: timeout waiting for: [${what} status: 'InProgress']`,
          generation,
        ),
      ],
      inventory,
      lastAppliedRevision: attempted,
      lastAttemptedRevision: attempted,
      observedGeneration: generation,
    };
  } else {
    const folder = first?.namespace ?? first?.name ?? k.name;
    status = {
      conditions: [
        condition(
          'Ready',
          'False',
          'BuildFailed',
          `kustomize build failed: accumulating resources: accumulation err='accumulating resources from './${folder}': read ${tmp}/${folder}: is a directory': couldn't make target for path '${tmp}/${folder}': kustomization.yaml: yaml: line 4: mapping values are not allowed in this context`,
          generation,
        ),
      ],
      inventory,
      lastAppliedRevision: applied,
      lastAttemptedRevision: attempted,
      observedGeneration: generation,
    };
  }
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name: k.name,
      namespace,
      uid: uid(key),
      resourceVersion: String(1000 + Math.floor(hashFraction(key) * 90000)),
      generation,
      creationTimestamp: CREATED,
      finalizers: ['finalizers.fluxcd.io'],
      labels: k.labels,
    },
    spec: { ...k.spec, ...(suspended ? { suspend: true } : {}) },
    status,
  };
}

/**
 * A HelmRelease as helm-controller reports it, stable per cluster and name:
 * mostly Ready after an install or upgrade; some upgrades failing (retries
 * exhausted: Stalled) or in progress.
 */
export function fluxHelmReleaseObject(
  cluster: string,
  h: SimulatedFluxHelmRelease,
) {
  const key = `${cluster}/${h.namespace}/${h.name}`;
  const r = hashFraction(`flux-helm:${key}`);
  const generation = 1 + Math.floor(hashFraction(`flux-gen:${key}`) * 3);
  const chart = `${h.chart}@${h.chartVersion}`;
  const release = `${h.namespace}/${h.name}.v${generation}`;
  const digest = `sha256:${sha(`${key}:digest`)}${sha(`${key}:digest2`).slice(
    0,
    24,
  )}`;
  const configDigest = `sha256:${sha(`${key}:config`)}${sha(
    `${key}:config2`,
  ).slice(0, 24)}`;
  const snapshot = {
    name: h.name,
    namespace: h.namespace,
    version: generation,
    chartName: h.chart,
    chartVersion: h.chartVersion,
    appVersion: h.chartVersion,
    configDigest,
    digest,
    firstDeployed: CREATED,
    lastDeployed: RECONCILED,
    status: 'deployed',
    action: generation > 1 ? 'upgrade' : 'install',
  };
  const action = generation > 1 ? 'Upgrade' : 'Install';
  let conditions: unknown[];
  let history: unknown[] = [snapshot];
  if (r < 0.8) {
    const message = `Helm ${action.toLowerCase()} succeeded for release ${release} with chart ${chart}`;
    conditions = [
      condition('Ready', 'True', `${action}Succeeded`, message, generation),
      condition('Released', 'True', `${action}Succeeded`, message, generation),
    ];
  } else if (r < 0.9) {
    conditions = [
      condition(
        'Reconciling',
        'True',
        'Progressing',
        `Running 'upgrade' action with timeout of 5m0s`,
        generation,
        ATTEMPTED,
      ),
      condition(
        'Ready',
        'Unknown',
        'Progressing',
        `Running 'upgrade' action with timeout of 5m0s`,
        generation,
        ATTEMPTED,
      ),
    ];
  } else {
    const message = `Helm upgrade failed for release ${release} with chart ${chart}: context deadline exceeded`;
    conditions = [
      condition(
        'Stalled',
        'True',
        'RetriesExceeded',
        'Failed to upgrade after 1 attempt(s)',
        generation,
      ),
      condition('Ready', 'False', 'UpgradeFailed', message, generation),
      condition('Released', 'False', 'UpgradeFailed', message, generation),
    ];
    history = [
      { ...snapshot, status: 'failed', action: 'upgrade' },
      ...(generation > 1
        ? [
            {
              ...snapshot,
              version: generation - 1,
              status: 'superseded',
              lastDeployed: CREATED,
            },
          ]
        : []),
    ];
  }
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name: h.name,
      namespace: h.namespace,
      uid: uid(key),
      resourceVersion: String(1000 + Math.floor(hashFraction(key) * 90000)),
      generation,
      creationTimestamp: CREATED,
      finalizers: ['finalizers.fluxcd.io'],
      labels: h.labels,
    },
    spec: h.spec,
    status: {
      conditions,
      history,
      lastAttemptedConfigDigest: configDigest,
      lastAttemptedGeneration: generation,
      lastAttemptedReleaseAction: generation > 1 ? 'upgrade' : 'install',
      lastAttemptedRevision: h.chartVersion,
      observedGeneration: generation,
      storageNamespace: h.namespace,
    },
  };
}
