import { screen } from '@testing-library/react';
import {
  aNamespace,
  aSummary,
  namespaceEntity,
} from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { EntityVClusterStateCard } from './EntityVClusterStateCard';

const state = {
  status: 'notReady' as const,
  replicas: 1,
  readyReplicas: 0,
  sleeping: false,
  chartVersion: '0.36.0',
  pinnedChartVersion: '0.36.1',
  behind: true,
  kubernetesVersion: 'v1.36.0',
  application: {
    instance: 'argocd',
    name: 'vcluster-payments-vc-dev',
    project: 'platform-vclusters',
    sync: 'Synced',
    health: 'Progressing',
    revisions: ['0.36.0'],
    url: 'https://argocd.example.com/applications/argocd/vcluster-payments-vc-dev',
  },
};

const vclusterEntity = {
  ...namespaceEntity,
  metadata: { ...namespaceEntity.metadata, name: 'payments-vc-dev' },
  spec: { ...namespaceEntity.spec, type: 'vcluster' },
};

const render = (vcluster?: typeof state) =>
  renderEntityCard(<EntityVClusterStateCard />, {
    entity: vclusterEntity,
    api: {
      getEntitySummary: async () =>
        aSummary([
          aNamespace('payments-vc-dev', { type: 'vcluster', vcluster }),
        ]),
    },
  });

describe('EntityVClusterStateCard', () => {
  it("shows the control plane's state, the chart version behind the pinned one, Kubernetes and the chart application", async () => {
    const { container } = await render(state);
    expect(await screen.findByText('Not ready (0/1)')).toBeInTheDocument();
    expect(screen.getByText('0.36.0, behind 0.36.1')).toBeInTheDocument();
    expect(screen.getByText('0.36.1')).toBeInTheDocument();
    expect(screen.getByText('v1.36.0')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /vcluster-payments-vc-dev/ }),
    ).toHaveAttribute('href', state.application.url);
    expect(screen.getByText('Progressing')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says when its cluster has not been read', async () => {
    await render(undefined);
    expect(
      await screen.findByText(
        /control planes of its cluster have not been read/,
      ),
    ).toBeInTheDocument();
  });
});
