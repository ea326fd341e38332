import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:namespace:create`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'A namespace of a configured size: payments-web-dev, with the "S" quota.',
    example: stringify({
      steps: [
        {
          id: 'namespace',
          action: 'tenancy:namespace:create',
          name: 'Request the namespace',
          input: {
            tenant: 'payments',
            environment: 'dev',
            cluster: 'nonprod-eu-1',
            name: 'web',
            size: 'S',
          },
        },
      ],
    }),
  },
  {
    description:
      'A namespace with a name part, a custom quota, container limits, labels and a purpose: payments-api-prod.',
    example: stringify({
      steps: [
        {
          id: 'namespace',
          action: 'tenancy:namespace:create',
          name: 'Request the namespace',
          input: {
            tenant: 'tenant:default/payments',
            environment: 'prod',
            cluster: 'resource:default/prod-eu-1',
            name: 'api',
            quota: {
              'requests.cpu': '4',
              'limits.cpu': '8',
              'requests.memory': '8Gi',
              'limits.memory': '16Gi',
              pods: '50',
            },
            limits: {
              defaultRequest: { cpu: '100m', memory: '128Mi' },
              default: { cpu: '500m', memory: '512Mi' },
              max: { cpu: '2', memory: '4Gi' },
            },
            labels: { app: 'payments-api' },
            purpose: 'The public payments API',
          },
        },
      ],
    }),
  },
  {
    description:
      "On a Flux cluster, a namespace with the tenant's own delivery: payments-web-qa, its repository's apps/qa folder reconciled into it with the tenant's rights.",
    example: stringify({
      steps: [
        {
          id: 'namespace',
          action: 'tenancy:namespace:create',
          name: 'Request the namespace',
          input: {
            tenant: 'payments',
            environment: 'qa',
            cluster: 'nonprod-eu-2',
            name: 'web',
            size: 'S',
            delivery: {
              url: 'https://git.example.com/payments/deploy.git',
              path: 'apps/qa',
            },
          },
        },
      ],
    }),
  },
];
