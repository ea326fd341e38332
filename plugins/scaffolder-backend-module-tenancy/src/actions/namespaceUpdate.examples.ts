import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:namespace:update`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description: 'Move a namespace to a bigger quota size, with more pods.',
    example: stringify({
      steps: [
        {
          id: 'update',
          action: 'tenancy:namespace:update',
          name: 'Change the quota',
          input: {
            namespace: 'resource:default/payments-dev',
            size: 'S',
            quota: { pods: '40' },
            reason: 'Load tests need more pods',
          },
        },
      ],
    }),
  },
];
