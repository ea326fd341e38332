import { SimulatedNamespace } from './SimulatedWorld';

const SIZES: Array<Record<string, string>> = [
  {
    'requests.cpu': '2',
    'limits.cpu': '4',
    'requests.memory': '4Gi',
    'limits.memory': '8Gi',
    'requests.storage': '50Gi',
    pods: '30',
  },
  {
    'requests.cpu': '4',
    'limits.cpu': '8',
    'requests.memory': '8Gi',
    'limits.memory': '16Gi',
    'requests.storage': '100Gi',
    pods: '50',
  },
  {
    'requests.cpu': '8',
    'limits.cpu': '16',
    'requests.memory': '32Gi',
    'limits.memory': '64Gi',
    'requests.storage': '200Gi',
    pods: '100',
  },
];

/** A tenant namespace with one quota of size 0, 1 or 2 and default limits. */
export function defaultNamespace(options: {
  name: string;
  tenant: string;
  environment: string;
  size: number;
}): SimulatedNamespace {
  const { name, tenant, environment, size } = options;
  return {
    name,
    tenant,
    environment,
    phase: 'Active',
    labels: {
      'kubernetes.io/metadata.name': name,
      'tenancy.io/tenant': tenant,
      'tenancy.io/environment': environment,
    },
    quotas: [{ name: 'tenant-quota', hard: SIZES[size % SIZES.length] }],
    limitRanges: [
      {
        name: 'tenant-limits',
        limits: [
          {
            type: 'Container',
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
          },
        ],
      },
    ],
  };
}
