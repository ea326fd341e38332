import { Config } from '@backstage/config';
import {
  readArgoCdDestinations,
  readArgoCdInstances,
} from '../config/readArgoCdInstances';
import { readCostOptions } from '../config/readCostOptions';
import { SourceDescriptor } from '../snapshots/FleetData';
import { CallPolicy } from '../upstream/callWithRetries';
import { ArgoCdSource } from './argocd/ArgoCdSource';
import { CostSource } from './cost/CostSource';
import { Source } from './types';

/**
 * Every configured upstream as a source, and what the reader needs of each:
 * the Argo CD and cost instances. The clusters are the Kubernetes backend's,
 * asked at each refresh (`KubernetesClusters`).
 */
export function createSources(
  config: Config,
  call: CallPolicy,
): { sources: Source[]; descriptors: SourceDescriptor[]; currency: string } {
  const destinations = readArgoCdDestinations(config);
  const { instances, ...costOptions } = readCostOptions(config);
  const sources: Source[] = [
    ...readArgoCdInstances(config).map(
      i => new ArgoCdSource(i, destinations, call),
    ),
    ...instances.map(i => new CostSource(i, costOptions, call)),
  ];
  const costCluster = new Map(
    instances.map(i => [`cost:${i.name}`, i.cluster]),
  );
  return {
    sources,
    descriptors: sources.map(s => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      cluster: costCluster.get(s.id),
    })),
    currency: costOptions.currency,
  };
}
