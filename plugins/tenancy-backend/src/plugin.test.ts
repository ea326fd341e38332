import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { tenancyPlugin } from './plugin';

const tenant = (name: string, owner: string, parts: string[]): Entity => ({
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default', title: name.toUpperCase() },
  spec: {
    owner,
    costCenter: `CC-${name.length}`,
    environments: ['dev', 'prod'],
  },
  relations: parts.map(targetRef => ({ type: 'hasPart', targetRef })),
});

const resource = (name: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type, owner: 'team-payments' },
});

describe('tenancy backend plugin', () => {
  it('lists tenants with their namespace and vCluster counts', async () => {
    const { server } = await startTestBackend({
      features: [
        tenancyPlugin,
        catalogServiceMock.factory({
          entities: [
            tenant('payments', 'team-payments', [
              'resource:default/payments-dev',
              'resource:default/payments-prod',
              'resource:default/payments-vc',
              'resource:default/payments-db',
            ]),
            tenant('checkout', 'group:default/team-checkout', []),
            resource('payments-dev', 'kubernetes-namespace'),
            resource('payments-prod', 'kubernetes-namespace'),
            resource('payments-vc', 'vcluster'),
            resource('payments-db', 'database'),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'not-a-tenant' },
              spec: { type: 'service', owner: 'x', lifecycle: 'production' },
            },
          ],
        }),
      ],
    });

    const res = await request(server).get('/api/tenancy/v1/tenants');

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        entityRef: 'tenant:default/checkout',
        name: 'checkout',
        title: 'CHECKOUT',
        owner: 'group:default/team-checkout',
        costCenter: 'CC-8',
        environments: ['dev', 'prod'],
        namespaceCount: 0,
        vclusterCount: 0,
      },
      {
        entityRef: 'tenant:default/payments',
        name: 'payments',
        title: 'PAYMENTS',
        owner: 'group:default/team-payments',
        costCenter: 'CC-8',
        environments: ['dev', 'prod'],
        namespaceCount: 2,
        vclusterCount: 1,
      },
    ]);
    expect(Date.parse(res.body.generatedAt)).not.toBeNaN();
  });

  it('refuses unauthenticated callers', async () => {
    const { server } = await startTestBackend({
      features: [tenancyPlugin, catalogServiceMock.factory({ entities: [] })],
    });

    const res = await request(server)
      .get('/api/tenancy/v1/tenants')
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(401);
  });
});
