import { hashFraction } from './hash';
import {
  SimulatedApplication,
  SimulatedApplicationSource,
} from './SimulatedWorld';

/**
 * The Argo CD applications deploying into one tenant namespace: `count` of
 * them, a mix of plain Git, Helm-chart and multi-source applications.
 */
export function applicationsFor(options: {
  cluster: string;
  namespace: string;
  tenant: string;
  count: number;
}): SimulatedApplication[] {
  const { cluster, namespace, tenant, count } = options;
  const apps: SimulatedApplication[] = [];
  for (let i = 0; i < count; i++) {
    const name = i === 0 ? namespace : `${namespace}-${i}`;
    const pick = hashFraction(`kind:${name}`);
    const git = {
      repoURL: `https://git.example.com/${tenant}/deploy.git`,
      path: `overlays/${namespace}`,
      targetRevision: 'main',
    };
    const chart = {
      repoURL: 'https://charts.example.com',
      chart: `${tenant}-service`,
      targetRevision: '1.4.2',
    };
    let sources: SimulatedApplicationSource[] = [git];
    if (pick > 0.8) sources = [chart, { ...git, path: `values/${namespace}` }];
    else if (pick > 0.6) sources = [chart];
    apps.push({
      name,
      project: tenant,
      labels: { 'tenancy.io/tenant': tenant },
      destination: { name: cluster, namespace },
      sources,
      multiSource: sources.length > 1,
    });
  }
  return apps;
}
