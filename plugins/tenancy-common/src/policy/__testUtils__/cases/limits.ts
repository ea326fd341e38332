import { Case } from '../namespaceRequest';

/** Bad inputs of the limits rules. */
export const limitsCases: Case[] = [
  // limit range
  [
    'default above max',
    i => (i.limits!.default!.cpu = '3'),
    'limits.default.cpu',
    'limits-order',
  ],
  [
    'default request above default',
    i => (i.limits!.defaultRequest!.memory = '1Gi'),
    'limits.defaultRequest.memory',
    'limits-order',
  ],
  [
    'limit range memory in decimal units',
    i => (i.limits!.max!.memory = '4G'),
    'limits.max.memory',
    'binary-units',
  ],
  [
    'limit range on an unknown resource',
    i => ((i.limits!.max as any).gpu = '1'),
    'limits.max.gpu',
    'known-resource',
  ],
  [
    'limit range max above the namespace quota',
    i => {
      i.limits!.max!.cpu = '8';
      i.quota['limits.cpu'] = '4';
    },
    'limits.max.cpu',
    'within-quota',
  ],
  [
    'default request above the requests quota',
    i => {
      i.limits!.defaultRequest!.memory = '4Gi';
      i.limits!.default!.memory = '4Gi';
      i.quota['requests.memory'] = '2Gi';
    },
    'limits.defaultRequest.memory',
    'within-quota',
  ],
  [
    'no default limit while the quota sets limits.cpu',
    i => delete i.limits!.default!.cpu,
    'limits.default.cpu',
    'required',
  ],
];
