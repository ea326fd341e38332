import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
// The test runs in Node and reads the embedded default's own files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { EntityObservabilityLinksCard } from './EntityObservabilityLinksCard';

const readYaml = (path: string) =>
  parse(readFileSync(`${__dirname}/../../../../../${path}`, 'utf8'));

/** The embedded default's entities, as the catalog module reads them. */
const gitops = 'examples/gitops-repo/tenants';
const payments: Entity = readYaml(`${gitops}/payments/tenant.yaml`);
const paymentsDev: Entity = readYaml(
  `${gitops}/payments/dev/payments-dev/catalog-info.yaml`,
);
const sandboxVCluster: Entity = readYaml(
  `${gitops}/data-platform/dev/data-platform-vc-sandbox-dev/catalog-info.yaml`,
);
/** The embedded default's link templates. */
const embeddedDefault = {
  tenancy: { observability: readYaml('app-config.yaml').tenancy.observability },
};

function render(entity: Entity, config: object = embeddedDefault) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <p>entity page</p>
      <EntityObservabilityLinksCard />
    </EntityProvider>,
    { config: config as any },
  );
}

/** The card's links as [text, href]. */
async function links() {
  const list = await screen.findByRole('list', { name: 'Observability links' });
  return within(list)
    .getAllByRole('link')
    .map(a => [
      a.textContent?.replace(', Opens in a new window', ''),
      a.getAttribute('href'),
    ]);
}

describe('EntityObservabilityLinksCard', () => {
  it("shows the embedded default's tenant links on the payments tenant", async () => {
    const { container } = await render(payments);
    expect(screen.getByText('Observability')).toBeInTheDocument();
    expect(await links()).toEqual([
      [
        'Tenant dashboard',
        'https://grafana.example.com/d/tenant-overview/tenant-overview?orgId=1&var-tenant=payments',
      ],
      [
        'Tenant logs',
        'https://logs.example.com/explore?orgId=1&query=%7Btenant%3D%22payments%22%7D',
      ],
      [
        'Tenant alerts',
        'https://grafana.example.com/alerting/list?search=label%3Atenant%3Dpayments',
      ],
    ]);
    await expectNoAxeViolations(container);
  });

  it("fills a namespace's links from its annotations", async () => {
    await render(paymentsDev);
    expect(await links()).toEqual([
      [
        'Namespace dashboard',
        'https://grafana.example.com/d/k8s-namespace/namespace?orgId=1&var-cluster=nonprod-eu-1&var-namespace=payments-dev&var-environment=dev',
      ],
      [
        'Namespace logs',
        'https://logs.example.com/explore?orgId=1&query=%7Bcluster%3D%22nonprod-eu-1%22%2Cnamespace%3D%22payments-dev%22%7D',
      ],
      [
        'Namespace alerts',
        'https://grafana.example.com/alerting/list?search=label%3Anamespace%3Dpayments-dev',
      ],
    ]);
  });

  it("fills a vCluster's links from its host namespace", async () => {
    await render(sandboxVCluster);
    expect((await links())[0]).toEqual([
      'Namespace dashboard',
      'https://grafana.example.com/d/k8s-namespace/namespace?orgId=1&var-cluster=nonprod-eu-1&var-namespace=data-platform-vc-sandbox-dev&var-environment=dev',
    ]);
  });

  it('lists dashboards, logs, alerts, others, and leaves out a template the entity cannot fill', async () => {
    const withoutCluster: Entity = {
      ...paymentsDev,
      metadata: {
        ...paymentsDev.metadata,
        annotations: {
          ...paymentsDev.metadata.annotations,
          'backstage.io/kubernetes-cluster': '',
        },
        links: [
          { url: 'https://runbooks.example.com/payments', title: 'Own link' },
        ],
      },
    };
    await render(withoutCluster, {
      tenancy: {
        observability: {
          links: [
            {
              title: 'Runbook',
              for: 'namespace',
              url: 'https://wiki.example.com/{tenant}/{namespace}',
            },
            {
              title: 'Alerts',
              kind: 'alerts',
              for: 'namespace',
              url: 'https://alerts.example.com/?ns={namespace}',
            },
            {
              title: 'Cluster logs',
              kind: 'logs',
              for: 'namespace',
              url: 'https://logs.example.com/?c={cluster}',
            },
            {
              title: 'Env dashboard',
              kind: 'dashboard',
              for: 'namespace',
              url: 'https://grafana.example.com/d/{environment}',
            },
            {
              title: 'Tenant dashboard',
              kind: 'dashboard',
              for: 'tenant',
              url: 'https://grafana.example.com/d/{tenant}',
            },
          ],
        },
      },
    });
    expect(await links()).toEqual([
      ['Env dashboard', 'https://grafana.example.com/d/dev'],
      ['Alerts', 'https://alerts.example.com/?ns=payments-dev'],
      ['Runbook', 'https://wiki.example.com/payments/payments-dev'],
    ]);
    // The entity's own links are the catalog's links card's.
    expect(screen.queryByText('Own link')).not.toBeInTheDocument();
  });

  const onlyClusterLogs = {
    tenancy: {
      observability: {
        links: [
          {
            title: 'Cluster logs',
            for: 'namespace',
            url: 'https://logs.example.com/?c={cluster}',
          },
        ],
      },
    },
  };
  it.each<[string, Entity, object]>([
    ['a Tenant, with only namespace templates', payments, onlyClusterLogs],
    [
      'a namespace without the annotation the template needs',
      {
        ...paymentsDev,
        metadata: {
          name: 'x',
          annotations: { 'tenancy.io/tenant': 'payments' },
        },
      },
      onlyClusterLogs,
    ],
    [
      'an entity of no tenant',
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api' },
        spec: {},
      },
      embeddedDefault,
    ],
    ['a Tenant, without templates', payments, {}],
  ])(
    'is hidden on %s (no template yields a link)',
    async (_, entity, config) => {
      await render(entity, config);
      expect(screen.getByText('entity page')).toBeInTheDocument();
      expect(screen.queryByText('Observability')).not.toBeInTheDocument();
      expect(screen.queryByRole('link')).not.toBeInTheDocument();
    },
  );

  it('shows no link and logs the rule when a template carries a credential', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    await render(payments, {
      tenancy: {
        observability: {
          links: [
            {
              title: 'Dashboard',
              for: 'tenant',
              url: 'https://grafana.example.com/d/{tenant}',
            },
            {
              title: 'Logs',
              for: 'tenant',
              url: 'https://logs.example.com/?tenant={tenant}&token=abc',
            },
          ],
        },
      },
    });
    expect(screen.getByText('entity page')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining(
        'tenancy.observability.links[1].url must not carry a credential: the parameter "token" looks like one',
      ),
    );
    error.mockRestore();
  });
});
