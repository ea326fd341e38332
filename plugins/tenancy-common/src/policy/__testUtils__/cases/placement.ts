import { Case, context } from '../namespaceRequest';

/** Bad inputs of the placement rules. */
export const placementCases: Case[] = [
  // placement
  [
    'environment the tenant may not use',
    i => (i.environment = 'prod') && (i.cluster = 'prod-eu-1'),
    'environment',
    'tenant-environment',
    context({ environments: ['dev'] }),
  ],
  [
    'environment unknown to the policy',
    i => (i.environment = 'qa'),
    'environment',
    'unknown-environment',
    context({ environments: ['dev', 'qa'] }),
  ],
  [
    'cluster not allowed for the environment',
    i => (i.cluster = 'prod-eu-1'),
    'cluster',
    'allowed-cluster',
  ],
];
