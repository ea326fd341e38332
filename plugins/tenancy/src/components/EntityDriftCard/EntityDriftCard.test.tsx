import { Entity } from '@backstage/catalog-model';
import { DriftFinding } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { screen, within } from '@testing-library/react';
import {
  aNamespace,
  aSummary,
  freshSource,
  namespaceEntity,
} from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { EntityDriftCard } from './EntityDriftCard';

/** Drift of payments-dev as the backend sends it (JSON). */
const devDrift: DriftFinding[] = JSON.parse(`[
  {
    "kind": "quota",
    "cluster": "nonprod-eu-1",
    "namespace": "payments-dev",
    "tenant": "payments",
    "field": "ResourceQuota/quota spec.hard.requests.cpu",
    "git": "2",
    "live": "4",
    "path": "tenants/payments/dev/payments-dev",
    "message": "requests.cpu is 4 in the cluster, 2 in Git"
  },
  {
    "kind": "labels",
    "cluster": "nonprod-eu-1",
    "namespace": "payments-dev",
    "tenant": "payments",
    "field": "metadata.labels.tenancy.io/cost-center",
    "git": "CC-1001",
    "path": "tenants/payments/dev/payments-dev",
    "message": "label tenancy.io/cost-center is missing in the cluster"
  }
]`);

const stagingDrift: DriftFinding[] = [
  {
    kind: 'missing',
    cluster: 'nonprod-eu-1',
    namespace: 'payments-staging',
    tenant: 'payments',
    path: 'tenants/payments/staging/payments-staging',
    message: 'the cluster has no namespace payments-staging',
  },
];

const orphan: DriftFinding = {
  kind: 'orphan',
  cluster: 'nonprod-eu-1',
  namespace: 'payments-old',
  tenant: 'payments',
  message:
    'payments-old carries tenancy.io/tenant=payments but no file in Git describes it',
};

const gitopsSource = {
  ...freshSource('gitops:gitops'),
  lastSuccessAt: '2026-11-21T11:59:00Z',
};

/** A namespace entity as the GitOps provider ingests it from a location. */
function readFrom(name: string, location: string): Entity {
  return {
    ...namespaceEntity,
    metadata: {
      ...namespaceEntity.metadata,
      name,
      annotations: {
        ...namespaceEntity.metadata.annotations,
        'backstage.io/managed-by-location': location,
      },
    },
  };
}

function formDataOf(link: HTMLElement) {
  const url = new URL(link.getAttribute('href')!, 'http://localhost');
  return {
    path: url.pathname,
    formData: JSON.parse(url.searchParams.get('formData')!),
  };
}

describe('EntityDriftCard', () => {
  it("shows a tenant's differences per namespace and its orphans with adopt and removal links", async () => {
    const summary = aSummary(
      [
        aNamespace('payments-dev', { drift: devDrift }),
        aNamespace('payments-staging', { drift: stagingDrift }),
        aNamespace('payments-prod', { drift: [], cluster: 'prod-eu-1' }),
        aNamespace('payments-vc', { drift: undefined }),
      ],
      { orphans: [orphan], sources: [gitopsSource] },
    );
    summary.totals.drift = 4;
    const { container } = await renderEntityCard(<EntityDriftCard />, {
      api: { getEntitySummary: async () => summary },
      catalogEntities: [
        readFrom(
          'payments-dev',
          'url:https://github.com/acme/gitops/blob/main/tenants/payments/dev/payments-dev/catalog-info.yaml',
        ),
        readFrom(
          'payments-staging',
          'file:/srv/gitops/tenants/payments/staging/payments-staging/catalog-info.yaml',
        ),
      ],
    });

    const table = await screen.findByRole('table', {
      name: 'Differences between Git and the cluster',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(
      'payments-devnonprod-eu-1quotaResourceQuota/quota spec.hard.requests.cpu24requests.cpu is 4 in the cluster, 2 in Git',
    );
    expect(rows[1]).toHaveTextContent('CC-1001none');
    expect(rows[2]).toHaveTextContent('not in the cluster');
    // a URL location links the folder; a file location shows the path
    expect(
      await within(rows[0]).findByRole('link', {
        name: /^tenants\/payments\/dev\/payments-dev/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/gitops/blob/main/tenants/payments/dev/payments-dev',
    );
    expect(within(rows[2]).queryByRole('link')).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent(
      'tenants/payments/staging/payments-staging',
    );

    const orphans = screen.getByRole('table', {
      name: 'Namespaces in the cluster but not in Git',
    });
    expect(
      formDataOf(
        within(orphans).getByRole('link', {
          name: 'Adopt payments-old on nonprod-eu-1',
        }),
      ),
    ).toEqual({
      path: '/create/templates/default/adopt-namespace',
      formData: {
        cluster: 'nonprod-eu-1',
        namespace: 'payments-old',
        action: 'adopt',
      },
    });
    expect(
      formDataOf(
        within(orphans).getByRole('link', {
          name: 'Flag for removal payments-old on nonprod-eu-1',
        }),
      ).formData,
    ).toEqual({
      cluster: 'nonprod-eu-1',
      namespace: 'payments-old',
      action: 'remove',
    });
    expect(
      screen.getByText(
        `Compared with the GitOps repository as read at ${new Date(
          '2026-11-21T11:59:00Z',
        ).toLocaleString()}`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Drift not computed for payments-vc.'),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says when drift was not computed, and why', async () => {
    await renderEntityCard(<EntityDriftCard />, {
      entity: namespaceEntity,
      api: {
        getEntitySummary: async () =>
          aSummary([aNamespace('payments-dev', { drift: undefined })], {
            sources: [
              {
                id: 'gitops:gitops',
                kind: 'gitops',
                name: 'gitops',
                lastErrorAt: '2026-11-21T11:59:00Z',
                lastError: 'repository not found',
                stale: true,
              },
            ],
          }),
      },
    });

    expect(
      await screen.findByText(/^Drift not computed: the GitOps repository/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('source-problems')).toHaveTextContent(
      'No data from GitOps repository gitops: repository not found.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when Git and the cluster agree', async () => {
    const summary = aSummary([aNamespace('payments-dev', { drift: [] })], {
      orphans: [],
      sources: [gitopsSource],
    });
    summary.totals.drift = 0;
    await renderEntityCard(<EntityDriftCard />, {
      api: { getEntitySummary: async () => summary },
    });

    expect(
      await screen.findByText('Git and the cluster agree.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
