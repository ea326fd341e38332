import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:vcluster:create`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'A vCluster of a configured size: data-platform-vc-sandbox-dev, with the "M" quota (S cannot hold the chart\'s 4Gi control plane).',
    example: stringify({
      steps: [
        {
          id: 'vcluster',
          action: 'tenancy:vcluster:create',
          name: 'Request the vCluster',
          input: {
            tenant: 'data-platform',
            environment: 'dev',
            cluster: 'nonprod-eu-1',
            name: 'sandbox',
            size: 'M',
          },
        },
      ],
    }),
  },
  {
    description:
      'A vCluster on the gpu node pool, with a custom quota, container limits and extra vcluster.yaml values.',
    example: stringify({
      steps: [
        {
          id: 'vcluster',
          action: 'tenancy:vcluster:create',
          name: 'Request the vCluster',
          input: {
            tenant: 'data-platform',
            environment: 'dev',
            cluster: 'nonprod-eu-1',
            name: 'training',
            nodePool: 'gpu',
            quota: {
              'requests.cpu': '4',
              'limits.cpu': '8',
              'requests.memory': '16Gi',
              'limits.memory': '32Gi',
            },
            limits: { default: { cpu: '1', memory: '2Gi' } },
            values: { sync: { toHost: { ingresses: { enabled: true } } } },
            purpose: 'Model training with its own CRDs',
          },
        },
      ],
    }),
  },
];
