import { SourceDescriptor } from './FleetData';
import { SourceIndex } from './SourceRecord';

/** Kinds of the sources found at refresh time rather than configured. */
const FOUND_AT_REFRESH = new Set([
  'kubernetes',
  'vcluster',
  'policy',
  'gitops',
  'flux',
]);

/**
 * The sources of the last refresh that are not configured: the clusters'
 * (Kubernetes, vCluster, policy and Flux), which are the Kubernetes backend's, asked at each
 * refresh, and the GitOps repository's, opened through its publisher; the
 * shared index is where every replica learns them. `only` keeps one kind.
 */
export function kubernetesDescriptors(
  index: SourceIndex | undefined,
  only?: 'kubernetes',
): SourceDescriptor[] {
  return Object.values(index?.sources ?? {})
    .filter(s => (only ? s.kind === only : FOUND_AT_REFRESH.has(s.kind)))
    .map(({ id, kind, name }) => ({ id, kind, name }));
}
