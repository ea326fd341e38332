import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import { createNamespaceCreateAction } from './namespaceCreate';

const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'tenancy.io/v1alpha1',
      kind: 'Tenant',
      metadata: { name: 'payments', namespace: 'default' },
      spec: {
        owner: 'group:default/team-payments',
        costCenter: 'CC-1001',
        environments: ['dev', 'prod'],
      },
    },
  ],
});

describe('tenancy:namespace:create', () => {
  const workspace = createMockDirectory();
  const action = createNamespaceCreateAction({
    catalog,
    layout: GitOpsLayout.create(),
  });

  beforeEach(() => workspace.clear());

  const run = (input: JsonObject) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    return action.handler(ctx as any).then(() => ctx);
  };

  it('renders the namespace entity and manifest at their layout paths', async () => {
    const ctx = await run({
      tenant: 'payments',
      environment: 'prod',
      cluster: 'prod-eu-1',
      name: 'api',
    });

    const dir = 'tenants/payments/prod/payments-api-prod';
    expect(ctx.output).toHaveBeenCalledWith('namespace', 'payments-api-prod');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/payments-api-prod',
    );
    expect(ctx.output).toHaveBeenCalledWith('files', [
      `${dir}/catalog-info.yaml`,
      `${dir}/namespace.yaml`,
    ]);

    const entity = parse(
      await fs.readFile(join(workspace.path, dir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.spec).toEqual({
      type: 'kubernetes-namespace',
      owner: 'group:default/team-payments',
      dependsOn: ['resource:prod-eu-1'],
    });
    const manifest = parse(
      await fs.readFile(join(workspace.path, dir, 'namespace.yaml'), 'utf8'),
    );
    expect(manifest).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'payments-api-prod',
        labels: {
          'tenancy.io/tenant': 'payments',
          'tenancy.io/environment': 'prod',
          'tenancy.io/cost-center': 'CC-1001',
        },
      },
    });
  });

  it.each([
    [
      { tenant: 'payments', environment: 'qa', cluster: 'c1' },
      /environment "qa" is not one of tenant payments's environments \(dev, prod\)/,
    ],
    [
      { tenant: 'payments', environment: 'dev', cluster: 'C1' },
      /cluster "C1" must be a DNS-1123 label/,
    ],
    [
      {
        tenant: 'payments',
        environment: 'dev',
        cluster: 'c1',
        name: '../../etc',
      },
      /name "..\/..\/etc" must be a DNS-1123 label/,
    ],
    [
      {
        tenant: 'payments',
        environment: 'dev',
        cluster: 'c1',
        name: 'x'.repeat(60),
      },
      /namespace name "payments-x+-dev" is 73 characters long/,
    ],
    [
      { tenant: 'nobody', environment: 'dev', cluster: 'c1' },
      /tenant tenant:default\/nobody was not found/,
    ],
  ])('rejects %j and writes nothing', async (input, message) => {
    await expect(run(input)).rejects.toThrow(message);
    await expect(fs.readdir(workspace.path)).resolves.toEqual([]);
  });
});
