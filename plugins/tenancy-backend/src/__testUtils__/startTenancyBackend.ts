import { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogEntitiesFor,
  generateWorld,
} from '@internal/upstream-simulators';
import { tenancyPlugin } from '../plugin';

/** A small simulated fleet: 2 tenants with 2 namespaces each, on cluster-1. */
export const smallWorld = generateWorld({
  clusters: 1,
  namespaces: 4,
  namespacesPerTenant: 2,
  argocdInstances: 1,
  applications: 4,
  costInstances: 'single',
});

/**
 * The tenancy plugin over the small world's catalog (changed by `entities`
 * when given), with `tenancy` config.
 */
export async function startTenancyBackend(
  tenancy: object,
  entities: (all: any[]) => any[] = all => all,
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      tenancyPlugin,
      catalogServiceMock.factory({
        entities: entities(catalogEntitiesFor(smallWorld) as any[]),
      }),
      mockServices.rootConfig.factory({ data: { tenancy } }),
    ],
  });
  return server;
}
