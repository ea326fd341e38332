import { Case } from '../namespaceRequest';

/** Bad inputs of the labels rules. */
export const labelsCases: Case[] = [
  // labels
  [
    'label key with spaces',
    i => (i.labels!['my key'] = 'x'),
    'labels.my key',
    'label-key',
  ],
  [
    'label key too long',
    i => (i.labels!['a'.repeat(64)] = 'x'),
    `labels.${'a'.repeat(64)}`,
    'label-key',
  ],
  [
    'label key prefix not a DNS subdomain',
    i => (i.labels!['Example.com/app'] = 'x'),
    'labels.Example.com/app',
    'label-key',
  ],
  [
    'label key in a reserved prefix',
    i => (i.labels!['tenancy.io/tenant'] = 'checkout'),
    'labels.tenancy.io/tenant',
    'reserved-label',
  ],
  [
    'label key in kubernetes.io',
    i => (i.labels!['pod-security.kubernetes.io/enforce'] = 'privileged'),
    'labels.pod-security.kubernetes.io/enforce',
    'reserved-label',
  ],
  [
    'label value with a newline',
    i => (i.labels!.team = 'a\nb: c'),
    'labels.team',
    'label-value',
  ],
  [
    'label value too long',
    i => (i.labels!.team = 'x'.repeat(64)),
    'labels.team',
    'label-value',
  ],
  [
    'label value with template syntax',
    i => (i.labels!.team = '{{x}}'),
    'labels.team',
    'label-value',
  ],
  [
    'an Argo CD label key',
    i => (i.labels!['argocd.argoproj.io/instance'] = 'other-app'),
    'labels.argocd.argoproj.io/instance',
    'reserved-label',
  ],
  [
    'a Pod Security label key',
    i => (i.labels!['pod-security.kubernetes.io/enforce'] = 'privileged'),
    'labels.pod-security.kubernetes.io/enforce',
    'reserved-label',
  ],
  [
    'a vCluster label key',
    i => (i.labels!['vcluster.loft.sh/managed-by'] = 'x'),
    'labels.vcluster.loft.sh/managed-by',
    'reserved-label',
  ],
  [
    "Gatekeeper's exemption label",
    i => (i.labels!['admission.gatekeeper.sh/ignore'] = 'yes'),
    'labels.admission.gatekeeper.sh/ignore',
    'reserved-label',
  ],
  [
    "Istio's sidecar injection (its init container needs NET_ADMIN)",
    i => (i.labels!['istio-injection'] = 'enabled'),
    'labels.istio-injection',
    'reserved-label',
  ],
];
