/*
 * A backend with only the catalog and the tenancy catalog module, for
 * scripts/bench/bench-catalog.ts. Configured by the `--config` files it is
 * started with.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@tenancy-plugins/backstage-plugin-catalog-backend-module-tenancy'),
);
backend.start();
