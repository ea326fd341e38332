import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import unprocessedModule from '@backstage/plugin-catalog-backend-module-unprocessed';
import {
  GitOpsLayout,
  renderNamespaceEntity,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { stringify } from 'yaml';
import catalogModuleTenancy from '..';

const layout = GitOpsLayout.create();

function tenant(name: string) {
  return stringify({
    apiVersion: 'tenancy.io/v1alpha1',
    kind: 'Tenant',
    metadata: { name },
    spec: {
      owner: `group:default/team-${name}`,
      costCenter: 'CC-1001',
      environments: ['dev', 'prod'],
    },
  });
}

function namespace(tenantName: string, environment: string, cluster: string) {
  const name = `${tenantName}-${environment}`;
  return {
    [layout.namespaceEntityFile(tenantName, environment, name)]: stringify(
      renderNamespaceEntity({
        tenant: tenantName,
        environment,
        cluster,
        namespace: name,
        owner: `group:default/team-${tenantName}`,
        costCenter: 'CC-1001',
      }),
    ),
  };
}

async function eventually<T>(
  fn: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('TenancyEntityProvider', () => {
  jest.setTimeout(90_000);
  const repo = createMockDirectory();

  it('ingests the repository, isolates broken files and forgets removed tenants', async () => {
    repo.setContent({
      'clusters/nonprod-1.yaml': stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'nonprod-1' },
        spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
      }),
      [layout.tenantFile('payments')]: tenant('payments'),
      ...namespace('payments', 'dev', 'nonprod-1'),
      [layout.tenantFile('checkout')]: tenant('checkout'),
      ...namespace('checkout', 'dev', 'nonprod-1'),
      [layout.tenantFile('broken')]:
        'apiVersion: tenancy.io/v1alpha1\nkind: Tenant\nmetadata: {name: broken}\nspec: {owner: team-x}\n',
      [layout.tenantFile('mangled')]: 'metadata: [unclosed',
    });

    // The catalog's scheduler, to run the next refresh without waiting for it.
    let scheduler: SchedulerService | undefined;
    const schedulerProbe = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'scheduler-probe',
      register(reg) {
        reg.registerInit({
          deps: { s: coreServices.scheduler },
          async init({ s }) {
            scheduler = s;
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        schedulerProbe,
        catalogPlugin,
        unprocessedModule,
        catalogModuleTenancy,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Tenant', 'Resource'] }],
              processingInterval: { seconds: 1 },
              providers: {
                tenancy: {
                  embedded: {
                    target: repo.path,
                    schedule: {
                      frequency: { minutes: 5 },
                      timeout: { seconds: 30 },
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const base = `http://localhost:${server.port()}/api/catalog`;
    const get = async (ref: string): Promise<Entity | undefined> => {
      const res = await fetch(`${base}/entities/by-name/${ref}`);
      return res.ok ? res.json() : undefined;
    };
    const withRelation = (ref: string, type: string, target: string) =>
      eventually(async () => {
        const e = await get(ref);
        return e?.relations?.some(
          r => r.type === type && r.targetRef === target,
        )
          ? e
          : undefined;
      }, `${ref} ${type} ${target}`);

    // Full refresh: entities and their relations both ways.
    await withRelation(
      'tenant/default/payments',
      'hasPart',
      'resource:default/payments-dev',
    );
    await withRelation(
      'tenant/default/payments',
      'ownedBy',
      'group:default/team-payments',
    );
    await withRelation(
      'resource/default/payments-dev',
      'partOf',
      'tenant:default/payments',
    );
    await withRelation(
      'resource/default/payments-dev',
      'dependsOn',
      'resource:default/nonprod-1',
    );
    await withRelation(
      'resource/default/nonprod-1',
      'dependencyOf',
      'resource:default/payments-dev',
    );
    await withRelation(
      'tenant/default/checkout',
      'hasPart',
      'resource:default/checkout-dev',
    );

    // Broken files are skipped, with a located error where Backstage shows processing errors.
    expect(await get('tenant/default/broken')).toBeUndefined();
    // Entities that never processed are listed as pending, with their errors.
    type Unprocessed = {
      unprocessed_entity: Entity;
      errors?: Array<{ message: string }>;
    };
    const messages = await eventually(async () => {
      const res = await fetch(`${base}/entities/unprocessed/pending`);
      const body = (await res.json()) as { entities: Unprocessed[] };
      const found = body.entities.flatMap(e =>
        (e.errors ?? []).map(
          err => `${e.unprocessed_entity.metadata.name}: ${err.message}`,
        ),
      );
      return found.length >= 2 ? found : undefined;
    }, 'processing errors of the broken files');
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^broken: .*spec must have required property 'costCenter'/,
        ),
        expect.stringMatching(
          /^mangled: .*tenants\/mangled\/tenant.yaml: is not valid YAML/,
        ),
      ]),
    );

    // A tenant removed from the repository disappears with its namespaces.
    await fs.rm(join(repo.path, 'tenants/checkout'), { recursive: true });
    await scheduler!.triggerTask('TenancyEntityProvider:embedded:refresh');
    await eventually(
      async () => ((await get('tenant/default/checkout')) ? undefined : true),
      'checkout to disappear',
    );
    await eventually(
      async () =>
        (await get('resource/default/checkout-dev')) ? undefined : true,
      'checkout-dev to disappear',
    );
    expect(await get('tenant/default/payments')).toBeDefined();
  });
});
