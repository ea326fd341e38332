import { hashFraction } from './hash';
import { SimulatedVClusterState } from '../SimulatorControls';
import {
  SimulatedApplication,
  SimulatedNamespace,
  SimulatedWorld,
} from './SimulatedWorld';

/** When the simulated workloads were created and started. */
const CREATED = '2026-01-05T09:00:00Z';
const STARTED = '2026-01-05T09:00:20Z';

/** The object types of a namespace's workloads, by their API resource name. */
export type WorkloadResource =
  | 'pods'
  | 'services'
  | 'configmaps'
  | 'deployments'
  | 'replicasets'
  | 'statefulsets'
  | 'daemonsets'
  | 'ingresses';

/** A stable UID for an object of a kind. */
export function simulatedUid(kind: string, namespace: string, name: string) {
  const hex = [0, 1, 2, 3]
    .map(i =>
      Math.floor(hashFraction(`${i}:${kind}/${namespace}/${name}`) * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** ObjectMeta of a simulated object. */
export function simulatedMeta(
  kind: string,
  name: string,
  namespace?: string,
  extra: { labels?: Record<string, string>; ownerReferences?: unknown[] } = {},
) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: simulatedUid(kind, namespace ?? '', name),
    resourceVersion: '1',
    creationTimestamp: CREATED,
    ...extra,
  };
}

/**
 * A lower-case suffix like the ones controllers add, from `text` (which
 * should vary at its start: the hash mixes the last characters poorly).
 */
function suffix(text: string, length: number) {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor(hashFraction(`${i}:${text}`) * alphabet.length)];
  }
  return out;
}

function owner(
  kind: string,
  apiVersion: string,
  meta: { name: string; uid: string },
) {
  return {
    apiVersion,
    kind,
    name: meta.name,
    uid: meta.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function container(app: string, image: string, port: number) {
  return {
    name: app,
    image,
    ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    },
    imagePullPolicy: 'IfNotPresent',
  };
}

function pod(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  ownerRef: unknown,
  spec: {
    containers: Array<ReturnType<typeof container>>;
    initContainers?: Array<{ name: string; image: string }>;
  },
  index: number,
) {
  return {
    metadata: simulatedMeta('Pod', name, namespace, {
      labels,
      ownerReferences: [ownerRef],
    }),
    spec: {
      ...spec,
      restartPolicy: 'Always',
      serviceAccountName: 'default',
      nodeName: `node-${(index % 3) + 1}`,
    },
    status: {
      phase: 'Running',
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({ type, status: 'True', lastTransitionTime: STARTED })),
      hostIP: `10.0.0.${(index % 3) + 11}`,
      podIP: `10.244.${(index % 3) + 1}.${10 + index}`,
      startTime: CREATED,
      containerStatuses: spec.containers.map(c => ({
        name: c.name,
        ready: true,
        started: true,
        restartCount: 0,
        image: c.image,
        imageID: `${c.image.split(':')[0]}@sha256:${simulatedUid(
          'image',
          '',
          c.image,
        ).replace(/-/g, '')}${simulatedUid('image', '', c.name).replace(
          /-/g,
          '',
        )}`,
        state: { running: { startedAt: STARTED } },
      })),
      qosClass: 'Burstable',
    },
  };
}

type Workloads = Record<WorkloadResource, unknown[]>;

/**
 * An application's image: from the platform's registry with a version tag,
 * except a few (stable by name) that break the baseline policies: a `latest`
 * tag, or an image pulled from Docker Hub.
 */
function appImage(app: string, index: number): string {
  const r = hashFraction(`image:${app}`);
  if (r < 0.06) return `registry.example.com/${app}:latest`;
  if (r < 0.12) return `docker.io/example/${app}:1.${index}.0`;
  return `registry.example.com/${app}:1.${index}.0`;
}

/** A Deployment, its ReplicaSet and two Pods, a Service and a ConfigMap. */
function addDeployment(
  out: Workloads,
  namespace: string,
  app: string,
  index: number,
) {
  const labels = {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/instance': app,
  };
  const image = appImage(app, index);
  const template = {
    metadata: { labels },
    spec: { containers: [container(app, image, 8080)] },
  };
  const deployment = simulatedMeta('Deployment', app, namespace, {
    labels: { ...labels, 'app.kubernetes.io/managed-by': 'argocd' },
  });
  out.deployments.push({
    metadata: deployment,
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: STARTED,
          lastTransitionTime: STARTED,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${app}" has successfully progressed.`,
          lastUpdateTime: STARTED,
          lastTransitionTime: CREATED,
        },
      ],
    },
  });
  const hash = suffix(`rs:${namespace}/${app}`, 10);
  const rsLabels = { ...labels, 'pod-template-hash': hash };
  const replicaSet = simulatedMeta('ReplicaSet', `${app}-${hash}`, namespace, {
    labels: rsLabels,
    ownerReferences: [owner('Deployment', 'apps/v1', deployment)],
  });
  out.replicasets.push({
    metadata: replicaSet,
    spec: {
      replicas: 2,
      selector: { matchLabels: rsLabels },
      template: { ...template, metadata: { labels: rsLabels } },
    },
    status: {
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    },
  });
  for (let i = 0; i < 2; i++) {
    out.pods.push(
      pod(
        `${replicaSet.name}-${suffix(`${i}:pod:${namespace}/${app}`, 5)}`,
        namespace,
        rsLabels,
        owner('ReplicaSet', 'apps/v1', replicaSet),
        template.spec,
        index * 2 + i,
      ),
    );
  }
  out.services.push({
    metadata: simulatedMeta('Service', app, namespace, { labels }),
    spec: {
      type: 'ClusterIP',
      selector: labels,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      clusterIP: `10.96.${Math.floor(
        hashFraction(`ip:${namespace}/${app}`) * 250,
      )}.${10 + index}`,
    },
    status: { loadBalancer: {} },
  });
  out.configmaps.push({
    metadata: simulatedMeta('ConfigMap', `${app}-config`, namespace, {
      labels,
    }),
    data: { LOG_LEVEL: 'info', PORT: '8080' },
  });
}

/** A Pod whose containers run but do not pass their readiness probe. */
function markNotReady(instance: ReturnType<typeof pod>) {
  for (const condition of instance.status.conditions) {
    if (condition.type === 'Ready' || condition.type === 'ContainersReady') {
      condition.status = 'False';
    }
  }
  for (const status of instance.status.containerStatuses) status.ready = false;
}

/**
 * A single-replica StatefulSet and its Pod (none when `sleeping`, a Pod
 * that is not ready when `notReady`).
 */
function addStatefulSet(
  out: Workloads,
  namespace: string,
  options: {
    name: string;
    labels: Record<string, string>;
    /** The Pods' labels and the selector, when not all of `labels`. */
    selector?: Record<string, string>;
    annotations?: Record<string, string>;
    container: ReturnType<typeof container>;
    initContainers?: Array<{ name: string; image: string }>;
    serviceName: string;
    podManagementPolicy: 'OrderedReady' | 'Parallel';
    index: number;
    sleeping?: boolean;
    notReady?: boolean;
  },
) {
  const { name, labels } = options;
  const selector = options.selector ?? labels;
  const template = {
    metadata: { labels: selector },
    spec: {
      ...(options.initContainers && { initContainers: options.initContainers }),
      containers: [options.container],
    },
  };
  const statefulSet = {
    ...simulatedMeta('StatefulSet', name, namespace, { labels }),
    ...(options.annotations && { annotations: options.annotations }),
  };
  const revision = `${name}-${suffix(`sts:${namespace}/${name}`, 10)}`;
  const replicas = options.sleeping ? 0 : 1;
  const ready = options.notReady ? 0 : replicas;
  out.statefulsets.push({
    metadata: statefulSet,
    spec: {
      replicas,
      serviceName: options.serviceName,
      selector: { matchLabels: selector },
      template,
      podManagementPolicy: options.podManagementPolicy,
      updateStrategy: { type: 'RollingUpdate' },
    },
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: ready,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      availableReplicas: ready,
      currentRevision: revision,
      updateRevision: revision,
    },
  });
  if (options.sleeping) return;
  const instance = pod(
    `${name}-0`,
    namespace,
    { ...selector, 'controller-revision-hash': revision },
    owner('StatefulSet', 'apps/v1', statefulSet),
    template.spec,
    options.index,
  );
  if (options.notReady) markNotReady(instance);
  out.pods.push(instance);
}

/** The chart version of a vCluster without an Application in the world. */
const DEFAULT_VCLUSTER_CHART = '0.36.1';

/** The Kubernetes distro image of the vcluster chart 0.36 (`controlPlane.distro.k8s.image`). */
const VCLUSTER_KUBERNETES_IMAGE = 'ghcr.io/loft-sh/kubernetes:v1.36.0';

/**
 * A vCluster's control plane in its host namespace, as the vcluster chart
 * deploys it: a StatefulSet named after the release, labelled `app:
 * vcluster`, `chart: vcluster-<version>`, `release`, `heritage: Helm`, with
 * the Kubernetes distro's init container and its Pod (asleep, as `vcluster
 * pause` leaves it: annotated `loft.sh/paused-replicas`, scaled to 0), and
 * the Service the kubeconfig points at (443 to the API server's 8443).
 */
function addVClusterControlPlane(
  out: Workloads,
  ns: SimulatedNamespace,
  release: string,
  state: SimulatedVClusterState,
) {
  const namespace = ns.name;
  const version =
    state.chartVersion ?? ns.vclusterChartVersion ?? DEFAULT_VCLUSTER_CHART;
  const labels = { app: 'vcluster', release };
  addStatefulSet(out, namespace, {
    name: release,
    labels: { ...labels, chart: `vcluster-${version}`, heritage: 'Helm' },
    selector: labels,
    ...(state.sleeping && {
      annotations: {
        'loft.sh/paused-replicas': '1',
        'loft.sh/paused-date': '2026-01-05T18:00:00Z',
      },
    }),
    container: container(
      'syncer',
      `ghcr.io/loft-sh/vcluster-oss:${version}`,
      8443,
    ),
    initContainers: [{ name: 'kubernetes', image: VCLUSTER_KUBERNETES_IMAGE }],
    serviceName: `${release}-headless`,
    podManagementPolicy: 'Parallel',
    index: 0,
    sleeping: state.sleeping,
    notReady: state.notReady,
  });
  out.services.push({
    metadata: simulatedMeta('Service', release, namespace, { labels }),
    spec: {
      type: 'ClusterIP',
      selector: labels,
      ports: [{ name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' }],
      clusterIP: `10.96.${Math.floor(
        hashFraction(`ip:${namespace}/${release}`) * 250,
      )}.5`,
    },
    status: { loadBalancer: {} },
  });
}

function addIngress(out: Workloads, namespace: string, app: string) {
  out.ingresses.push({
    metadata: simulatedMeta('Ingress', app, namespace, {
      labels: { 'app.kubernetes.io/instance': app },
    }),
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: `${app}.apps.example.com`,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: app, port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
  });
}

function applicationsInto(
  world: SimulatedWorld,
  cluster: string,
  namespace: string,
): SimulatedApplication[] {
  return world.argocd
    .flatMap(i => i.applications)
    .filter(
      a =>
        a.destination.name === cluster && a.destination.namespace === namespace,
    );
}

/**
 * What runs in one namespace: for each Argo CD application deploying into
 * it a Deployment with its ReplicaSet and two Pods, a Service and a
 * ConfigMap (and a StatefulSet with its Pod for a Helm chart), an Ingress to
 * the first one; in a vCluster's host namespace its control plane instead
 * (the application deploying there is the vcluster chart); the
 * `kube-root-ca.crt` ConfigMap of every namespace; a node-exporter
 * DaemonSet in `monitoring`.
 */
export function workloadsFor(
  world: SimulatedWorld,
  cluster: string,
  ns: SimulatedNamespace,
  vcluster: SimulatedVClusterState = {},
): Workloads {
  const namespace = ns.name;
  const out: Workloads = {
    pods: [],
    services: [],
    configmaps: [],
    deployments: [],
    replicasets: [],
    statefulsets: [],
    daemonsets: [],
    ingresses: [],
  };
  out.configmaps.push({
    metadata: simulatedMeta('ConfigMap', 'kube-root-ca.crt', namespace),
    data: {
      'ca.crt':
        '-----BEGIN CERTIFICATE-----\nsimulated\n-----END CERTIFICATE-----\n',
    },
  });
  if (ns.vcluster) {
    addVClusterControlPlane(out, ns, ns.vcluster, vcluster);
    return out;
  }
  const apps = applicationsInto(world, cluster, namespace);
  apps.forEach((app, index) => {
    addDeployment(out, namespace, app.name, index);
    if (app.sources.some(s => s.chart)) {
      // A chart's cache.
      addStatefulSet(out, namespace, {
        name: `${app.name}-cache`,
        labels: {
          'app.kubernetes.io/name': 'redis',
          'app.kubernetes.io/instance': app.name,
        },
        container: container(
          'redis',
          'registry.example.com/mirror/redis:7.4.2',
          6379,
        ),
        serviceName: `${app.name}-cache`,
        podManagementPolicy: 'OrderedReady',
        index: index + 5,
      });
    }
  });
  if (apps.length) addIngress(out, namespace, apps[0].name);
  if (namespace === 'monitoring') {
    const labels = { 'app.kubernetes.io/name': 'node-exporter' };
    out.daemonsets.push({
      metadata: simulatedMeta('DaemonSet', 'node-exporter', namespace, {
        labels,
      }),
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              container('node-exporter', 'prom/node-exporter:v1.9.1', 9100),
            ],
          },
        },
        updateStrategy: { type: 'RollingUpdate' },
      },
      status: {
        currentNumberScheduled: 3,
        numberMisscheduled: 0,
        desiredNumberScheduled: 3,
        numberReady: 3,
        numberAvailable: 3,
        updatedNumberScheduled: 3,
        observedGeneration: 1,
      },
    });
  }
  return out;
}
