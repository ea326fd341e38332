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
];
