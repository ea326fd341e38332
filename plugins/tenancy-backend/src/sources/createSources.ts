import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  readArgoCdDestinations,
  readArgoCdInstances,
} from '../config/readArgoCdInstances';
import { readCostOptions } from '../config/readCostOptions';
import { readKubernetesClusters } from '../config/readKubernetesClusters';
import { SourceDescriptor } from '../snapshots/FleetData';
import { CallPolicy } from '../upstream/callWithRetries';
import { ArgoCdSource } from './argocd/ArgoCdSource';
import { CostSource } from './cost/CostSource';
import { KubernetesSource } from './kubernetes/KubernetesSource';
import { Source } from './types';

/** Every configured upstream as a source, and what the reader needs of each. */
export function createSources(
  config: Config,
  logger: LoggerService,
  call: CallPolicy,
): { sources: Source[]; descriptors: SourceDescriptor[]; currency: string } {
  const clusters = readKubernetesClusters(config, logger);
  const destinations = readArgoCdDestinations(config);
  const { instances, ...costOptions } = readCostOptions(config);
  const sources: Source[] = [
    ...clusters.map(c => new KubernetesSource(c, call)),
    ...readArgoCdInstances(config).map(
      i => new ArgoCdSource(i, clusters, destinations, call),
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
