/*
 * A backend with the tenancy plugin and the Kubernetes backend it reads the
 * clusters through, for bench-aggregation.ts. The catalog is the in-memory
 * catalog of @backstage/plugin-catalog-node's test utilities, loaded from
 * TENANCY_BENCH_ENTITIES; auth and permissions are the test utilities' mocks
 * (allow all), so the figures are the plugin's own serving path. Configured
 * by the `--config` files it is started with.
 */
import { readFileSync } from 'node:fs';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

const entities = JSON.parse(
  readFileSync(process.env.TENANCY_BENCH_ENTITIES!, 'utf8'),
);
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(mockServices.permissions.factory());
backend.add(catalogServiceMock.factory({ entities }));
backend.add(import('@tenancy-plugins/backstage-plugin-tenancy-backend'));
// The clusters are read through the upstream Kubernetes backend.
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.start();
