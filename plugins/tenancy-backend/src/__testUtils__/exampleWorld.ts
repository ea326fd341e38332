import { resolve } from 'node:path';
import { worldFromGitOpsRepo } from '@internal/upstream-simulators';

/** The example GitOps repository the embedded default runs on. */
export const EXAMPLES = resolve(__dirname, '../../../../examples/gitops-repo');

/**
 * The embedded default's world: the example GitOps repository applied to
 * two clusters, Kyverno writing OpenReports on nonprod-eu-1 and wgpolicyk8s
 * reports on prod-eu-1.
 */
export const exampleWorld = worldFromGitOpsRepo(EXAMPLES, {
  argocd: [{ name: 'argocd', clusters: ['nonprod-eu-1', 'prod-eu-1'] }],
  cost: [{ name: 'opencost', clusters: ['nonprod-eu-1', 'prod-eu-1'] }],
  policyEngines: [
    { engine: 'kyverno-openreports', clusters: ['nonprod-eu-1'] },
    { engine: 'kyverno', clusters: ['prod-eu-1'] },
  ],
});
