const LABELS: Record<string, string> = {
  'requests.cpu': 'CPU requests',
  'limits.cpu': 'CPU limits',
  cpu: 'CPU requests',
  'requests.memory': 'Memory requests',
  'limits.memory': 'Memory limits',
  memory: 'Memory requests',
  'requests.storage': 'Storage',
  'requests.ephemeral-storage': 'Ephemeral storage',
  pods: 'Pods',
  persistentvolumeclaims: 'Volume claims',
  services: 'Services',
  'services.loadbalancers': 'Load balancers',
  'services.nodeports': 'Node ports',
};

/** The resources shown first, in this order: CPU, memory, storage, pods. */
export const MAIN_QUOTA_RESOURCES = [
  'requests.cpu',
  'limits.cpu',
  'requests.memory',
  'limits.memory',
  'requests.storage',
  'pods',
];

/** A person's name for a ResourceQuota resource key. */
export function quotaResourceLabel(resource: string): string {
  return LABELS[resource] ?? resource;
}

/** Sorts resources: the main ones in their order, then the others by name. */
export function compareQuotaResources(a: string, b: string): number {
  const rank = (r: string) => {
    const i = MAIN_QUOTA_RESOURCES.indexOf(r);
    return i === -1 ? MAIN_QUOTA_RESOURCES.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
