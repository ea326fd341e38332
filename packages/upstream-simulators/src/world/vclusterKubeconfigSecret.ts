import { vclusterArgoCluster } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { stringify } from 'yaml';
import { SimulatedNamespace } from './SimulatedWorld';
import { simulatedMeta } from './workloadsFor';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A PEM block of a fake certificate or key, marked as such. */
const fakePem = (type: string, what: string) =>
  `-----BEGIN ${type}-----\n${b64(
    `SIMULATED-${what}-NOT-A-REAL-CREDENTIAL`,
  )}\n-----END ${type}-----\n`;

/**
 * The kubeconfig Secret the vCluster hosted in `ns` exports, as its syncer
 * writes an `exportKubeConfig.additionalSecrets` entry of the platform's
 * values (`<release>-kubeconfig` in the host namespace, the kubeconfig under
 * `config`, the server the vCluster's Service): Opaque, base64 data, fake
 * certificates. Undefined for a namespace that hosts no vCluster.
 */
export function vclusterKubeconfigSecret(ns: SimulatedNamespace) {
  const release = ns.vcluster;
  if (!release) return undefined;
  const ca = fakePem('CERTIFICATE', 'CA');
  const cert = fakePem('CERTIFICATE', 'CLIENT-CERT');
  const key = fakePem('EC PRIVATE KEY', 'CLIENT-KEY');
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: release,
        cluster: {
          server: vclusterArgoCluster(ns.name).server,
          'certificate-authority-data': b64(ca),
        },
      },
    ],
    users: [
      {
        name: release,
        user: {
          'client-certificate-data': b64(cert),
          'client-key-data': b64(key),
        },
      },
    ],
    contexts: [
      {
        name: release,
        context: { cluster: release, user: release, namespace: 'default' },
      },
    ],
    'current-context': release,
    preferences: {},
  };
  const labels = { app: 'vcluster', 'vcluster-name': release };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: simulatedMeta('Secret', `${release}-kubeconfig`, ns.name, {
      labels,
    }),
    type: 'Opaque',
    data: {
      config: b64(stringify(kubeconfig)),
      'certificate-authority': b64(ca),
      'client-certificate': b64(cert),
      'client-key': b64(key),
      token: '',
    },
  };
}
