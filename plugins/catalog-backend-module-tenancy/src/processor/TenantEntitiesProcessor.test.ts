import { resolve as resolvePath } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTenancy from '..';

const fixture = resolvePath(__dirname, '__fixtures__/catalog.yaml');

async function waitForEntity(
  get: () => Promise<Entity | undefined>,
  done: (e: Entity) => boolean,
): Promise<Entity> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const entity = await get();
    if (entity && done(entity)) return entity;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('entity did not appear in time');
}

describe('TenantEntitiesProcessor in the catalog backend', () => {
  jest.setTimeout(60_000);

  it('ingests Tenant entities with their relations and rejects invalid ones', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTenancy,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Group', 'Tenant', 'Resource', 'Location'] }],
              locations: [{ type: 'file', target: fixture }],
              processingInterval: { seconds: 1 },
            },
          },
        }),
      ],
    });

    const get = async (ref: string) => {
      const res = await fetch(
        `http://localhost:${server.port()}/api/catalog/entities/by-name/${ref}`,
      );
      return res.ok ? ((await res.json()) as Entity) : undefined;
    };

    const tenant = await waitForEntity(
      () => get('tenant/default/payments'),
      e => (e.relations ?? []).length >= 2,
    );
    expect(tenant.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', targetRef: 'group:default/team-payments' },
        { type: 'hasPart', targetRef: 'resource:default/payments-dev' },
      ]),
    );

    const group = await waitForEntity(
      () => get('group/default/team-payments'),
      e => (e.relations ?? []).some(r => r.type === 'ownerOf'),
    );
    expect(group.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownerOf', targetRef: 'tenant:default/payments' },
      ]),
    );

    const namespace = await waitForEntity(
      () => get('resource/default/payments-dev'),
      e => (e.relations ?? []).some(r => r.type === 'partOf'),
    );
    expect(namespace.relations).toEqual(
      expect.arrayContaining([
        { type: 'partOf', targetRef: 'tenant:default/payments' },
      ]),
    );

    // The tenant without a cost center is rejected; the others are not affected.
    expect(await get('tenant/default/broken')).toBeUndefined();
  });
});
