import { Case } from '../namespaceRequest';

/** Bad inputs of the quantities rules. */
export const quantitiesCases: Case[] = [
  // quota grammar and rules
  [
    'missing requests.cpu',
    i => delete i.quota['requests.cpu'],
    'quota.requests.cpu',
    'required',
  ],
  [
    'missing limits.memory',
    i => delete i.quota['limits.memory'],
    'quota.limits.memory',
    'required',
  ],
  [
    'not a quantity',
    i => (i.quota['requests.cpu'] = 'two'),
    'quota.requests.cpu',
    'quantity',
  ],
  [
    'quantity with a space',
    i => (i.quota['requests.cpu'] = '2 '),
    'quota.requests.cpu',
    'quantity',
  ],
  [
    'unknown suffix',
    i => (i.quota['limits.cpu'] = '4x'),
    'quota.limits.cpu',
    'quantity',
  ],
  [
    'number instead of string',
    i => ((i.quota as any)['limits.cpu'] = 4),
    'quota.limits.cpu',
    'quantity',
  ],
  [
    'negative quantity',
    i => (i.quota['requests.cpu'] = '-1'),
    'quota.requests.cpu',
    'non-negative',
  ],
  [
    'fractional pod count',
    i => (i.quota.pods = '1.5'),
    'quota.pods',
    'integer',
  ],
  [
    'pod count with a suffix',
    i => (i.quota.pods = '1k'),
    'quota.pods',
    'integer',
  ],
  [
    'load balancer count in exponent form',
    i => (i.quota['services.loadbalancers'] = '1e1'),
    'quota.services.loadbalancers',
    'integer',
  ],
  [
    'memory in decimal units',
    i => (i.quota['requests.memory'] = '4G'),
    'quota.requests.memory',
    'binary-units',
  ],
  [
    'memory in plain bytes',
    i => (i.quota['limits.memory'] = '8000000000'),
    'quota.limits.memory',
    'binary-units',
  ],
  [
    'fractional memory',
    i => (i.quota['limits.memory'] = '1.5Gi'),
    'quota.limits.memory',
    'binary-units',
  ],
  [
    'storage in millis',
    i => (i.quota['requests.storage'] = '100m'),
    'quota.requests.storage',
    'binary-units',
  ],
  [
    'unknown resource',
    i => (i.quota['requests.gpu'] = '1'),
    'quota.requests.gpu',
    'known-resource',
  ],
  [
    'requests above limits (cpu)',
    i => (i.quota['requests.cpu'] = '6'),
    'quota.requests.cpu',
    'requests-within-limits',
  ],
  [
    'requests above limits (memory)',
    i => (i.quota['requests.memory'] = '16Gi'),
    'quota.requests.memory',
    'requests-within-limits',
  ],
  [
    'cpu above the environment ceiling',
    i => (i.quota['limits.cpu'] = '17'),
    'quota.limits.cpu',
    'ceiling',
  ],
  [
    'memory above the environment ceiling',
    i => (i.quota['limits.memory'] = '65Gi'),
    'quota.limits.memory',
    'ceiling',
  ],
  [
    'load balancers where the ceiling is 0',
    i => (i.quota['services.loadbalancers'] = '1'),
    'quota.services.loadbalancers',
    'ceiling',
  ],
  // Kubernetes rounds CPU finer than 1m up, and 1e-400 is a zero in disguise.
  [
    'cpu finer than a millicore',
    i => (i.quota['requests.cpu'] = '0.0001'),
    'quota.requests.cpu',
    'cpu-precision',
  ],
  [
    'cpu as an exponent that underflows',
    i => (i.quota['requests.cpu'] = '1e-400'),
    'quota.requests.cpu',
    'cpu-precision',
  ],
  [
    'cpu in a fraction of a millicore',
    i => (i.quota['limits.cpu'] = '1.5m'),
    'quota.limits.cpu',
    'cpu-precision',
  ],
  [
    'zero for a required resource',
    i => (i.quota['requests.memory'] = '0Mi'),
    'quota.requests.memory',
    'positive',
  ],
  [
    'zero cpu',
    i => (i.quota['requests.cpu'] = '0'),
    'quota.requests.cpu',
    'positive',
  ],
  [
    'a resource the environment has no ceiling for (secrets)',
    i => (i.quota.secrets = '1000000'),
    'quota.secrets',
    'no-ceiling',
  ],
  [
    'unbounded ephemeral storage',
    i => (i.quota['requests.ephemeral-storage'] = '100Ti'),
    'quota.requests.ephemeral-storage',
    'no-ceiling',
  ],
];
