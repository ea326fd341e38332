import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
// The test runs in Node and reads the embedded default's own files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { TenancyApi, tenancyApiRef } from '../../api/TenancyApi';
import { EntityVClusterAccessCard } from './EntityVClusterAccessCard';

/** The embedded default's vCluster of team-data. */
const sandbox: Entity = parse(
  readFileSync(
    `${__dirname}/../../../../../examples/gitops-repo/tenants/data-platform/dev/data-platform-vc-sandbox-dev/catalog-info.yaml`,
    'utf8',
  ),
);
/** A vCluster of another team (the permission's answers are cached by entity). */
const otherTeams: Entity = {
  ...sandbox,
  metadata: {
    ...sandbox.metadata,
    name: 'checkout-vc-dev',
    annotations: {
      ...sandbox.metadata.annotations,
      'backstage.io/kubernetes-namespace': 'checkout-vc-dev',
    },
  },
  spec: { ...sandbox.spec, owner: 'group:default/team-checkout' },
};
const KUBECONFIG = 'apiVersion: v1\nkind: Config\n';

function render(allowed: boolean, entity = sandbox) {
  const getVClusterKubeconfig = jest.fn().mockResolvedValue({
    filename: 'data-platform-vc-sandbox-dev.kubeconfig',
    content: KUBECONFIG,
  });
  const authorize = jest.fn(() =>
    allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  );
  const rendered = renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityVClusterAccessCard />
    </EntityProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [catalogApiRef, catalogApiMock({ entities: [] })],
        [
          tenancyApiRef,
          { getVClusterKubeconfig } as Partial<TenancyApi> as TenancyApi,
        ],
        mockApis.permission({ authorize }),
      ],
    },
  );
  return { rendered, getVClusterKubeconfig, authorize };
}

describe('EntityVClusterAccessCard', () => {
  const saved: Array<{ name: string; text: string }> = [];
  beforeEach(() => {
    saved.length = 0;
    // The browser's file saving: a blob URL and a click on a download link.
    URL.createObjectURL = jest.fn(() => 'blob:kubeconfig');
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        const blob = (URL.createObjectURL as jest.Mock).mock.calls.at(-1)[0];
        saved.push({ name: this.download, text: blob });
      });
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the API server and the connect command, and lets an allowed user download the kubeconfig', async () => {
    const { getVClusterKubeconfig, authorize } = render(true);
    const button = await screen.findByRole('button', {
      name: 'Download kubeconfig',
    });
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'tenancy.vcluster.kubeconfig.read',
        }),
        resourceRef: 'resource:default/data-platform-vc-sandbox-dev',
      }),
    );
    expect(
      screen.getByText(
        'https://data-platform-vc-sandbox-dev.data-platform-vc-sandbox-dev.svc:443',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'vcluster connect data-platform-vc-sandbox-dev -n data-platform-vc-sandbox-dev',
      ),
    ).toBeInTheDocument();

    fireEvent.click(button);
    expect(
      await screen.findByText(
        'kubectl --kubeconfig data-platform-vc-sandbox-dev.kubeconfig get ns',
      ),
    ).toBeInTheDocument();
    expect(getVClusterKubeconfig).toHaveBeenCalledWith(
      'resource:default/data-platform-vc-sandbox-dev',
    );
    expect(
      screen.queryByText(/and the platform admins may download/),
    ).not.toBeInTheDocument();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('data-platform-vc-sandbox-dev.kubeconfig');
    expect(await (saved[0].text as unknown as Blob).text()).toBe(KUBECONFIG);
  });

  it('offers no download to a user who is not allowed, and fetches nothing', async () => {
    const { getVClusterKubeconfig, authorize } = render(false, otherTeams);
    expect(
      await screen.findByText(
        'vcluster connect checkout-vc-dev -n checkout-vc-dev',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          resourceRef: 'resource:default/checkout-vc-dev',
        }),
      ),
    );
    // The decision's answer rendered: who may, instead of the button.
    expect(
      await screen.findByText(/and the platform admins may download/),
    ).toHaveTextContent(
      'Only the members of team-checkout and the platform admins may download its kubeconfig (tenancy.vcluster.kubeconfig.read).',
    );
    expect(
      screen.queryByRole('button', { name: 'Download kubeconfig' }),
    ).not.toBeInTheDocument();
    expect(getVClusterKubeconfig).not.toHaveBeenCalled();
  });
});
