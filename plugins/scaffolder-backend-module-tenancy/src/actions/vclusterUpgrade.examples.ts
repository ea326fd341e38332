import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:vcluster:upgrade`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'After the platform moved tenancy.policy.vcluster.chartVersion: one pull request per vCluster behind it, in the first environment that has one.',
    example: stringify({
      steps: [
        {
          id: 'upgrade',
          action: 'tenancy:vcluster:upgrade',
          name: 'Upgrade the vClusters',
          input: {
            reason: 'vCluster 0.36.2 fixes the syncer memory leak',
          },
        },
      ],
    }),
  },
];
