import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:namespace:delete`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description: 'Decommission a namespace, saying why.',
    example: stringify({
      steps: [
        {
          id: 'delete',
          action: 'tenancy:namespace:delete',
          name: 'Decommission the namespace',
          input: {
            namespace: 'resource:default/payments-dev',
            reason: 'Replaced by payments-api-dev',
          },
        },
      ],
    }),
  },
];
