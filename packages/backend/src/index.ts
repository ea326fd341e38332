/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Lists entities that failed processing (e.g. a broken file in the GitOps repository)
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// The tenancy policy: tenancy.provision.admin for the groups in
// tenancy.permissions.platformAdminGroups only, tenancy.entity.read as
// tenancy.permissions.readOtherTenants says, every other permission allowed.
// An app with a policy of its own calls TenancyPermissions from it instead
// (plugins/permission-backend-module-tenancy/README.md).
backend.add(
  import('@tenancy-plugins/backstage-plugin-permission-backend-module-tenancy'),
);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// events: catalog and signal events reach every replica (with PostgreSQL the
// events backend keeps a shared bus in the database)
backend.add(import('@backstage/plugin-events-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@tenancy-plugins/backstage-plugin-tenancy-backend'));
// Simulated Kubernetes, Argo CD and cost APIs for the embedded default; does
// nothing unless tenancySimulators.enabled is true (never in production).
backend.add(import('@internal/upstream-simulators'));
backend.add(
  import('@tenancy-plugins/backstage-plugin-scaffolder-backend-module-tenancy'),
);
backend.add(
  import('@tenancy-plugins/backstage-plugin-catalog-backend-module-tenancy'),
);
backend.start();
