import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:namespace:create`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'A namespace named after the tenant and environment: payments-dev.',
    example: stringify({
      steps: [
        {
          id: 'namespace',
          action: 'tenancy:namespace:create',
          name: 'Render the namespace',
          input: {
            tenant: 'payments',
            environment: 'dev',
            cluster: 'dev-eu-1',
          },
        },
      ],
    }),
  },
  {
    description:
      'A second namespace of the same tenant, with a name part: payments-api-prod.',
    example: stringify({
      steps: [
        {
          id: 'namespace',
          action: 'tenancy:namespace:create',
          name: 'Render the namespace',
          input: {
            tenant: 'tenant:default/payments',
            environment: 'prod',
            cluster: 'prod-eu-1',
            name: 'api',
          },
        },
      ],
    }),
  },
];
