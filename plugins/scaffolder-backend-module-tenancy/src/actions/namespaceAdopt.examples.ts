import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:namespace:adopt`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Adopt an orphan namespace: its folder is rendered from what the cluster has.',
    example: stringify({
      steps: [
        {
          id: 'adopt',
          action: 'tenancy:namespace:adopt',
          name: 'Adopt the namespace',
          input: {
            cluster: 'nonprod-eu-1',
            namespace: 'payments-legacy-dev',
            action: 'adopt',
            reason: 'Created by hand during the migration; keep it in Git',
          },
        },
      ],
    }),
  },
  {
    description:
      'Flag an orphan namespace for removal: the platform team deletes it after the merge.',
    example: stringify({
      steps: [
        {
          id: 'remove',
          action: 'tenancy:namespace:adopt',
          name: 'Flag the namespace for removal',
          input: {
            cluster: 'resource:default/nonprod-eu-1',
            namespace: 'payments-legacy-dev',
            action: 'remove',
            reason: 'Left over from the load test in March; nothing runs there',
          },
        },
      ],
    }),
  },
];
