import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:tenant:create`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Onboard a tenant with its first namespace: search, owned by team-payments, with search-dev of size S.',
    example: stringify({
      steps: [
        {
          id: 'tenant',
          action: 'tenancy:tenant:create',
          name: 'Onboard the tenant',
          input: {
            name: 'search',
            title: 'Search',
            description: 'Product search and ranking.',
            owner: 'group:default/team-payments',
            costCenter: 'CC-3001',
            ssoGroup: 'search-developers',
            environments: ['dev', 'prod'],
            isolation: 'namespaces',
            namespaces: [
              { environment: 'dev', cluster: 'nonprod-eu-1', size: 'S' },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Onboard a tenant without namespaces yet, allowed to use vClusters.',
    example: stringify({
      steps: [
        {
          id: 'tenant',
          action: 'tenancy:tenant:create',
          name: 'Onboard the tenant',
          input: {
            name: 'ml',
            owner: 'group:default/team-payments',
            costCenter: 'CC-4001',
            ssoGroup: 'ml-developers',
            environments: ['dev'],
            isolation: 'both',
          },
        },
      ],
    }),
  },
];
