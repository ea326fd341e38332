import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Development setup of the plugin alone: `yarn start` in this folder, then
//
//   curl http://localhost:7007/api/tenancy/v1/tenants

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'tenancy.io/v1alpha1',
        kind: 'Tenant',
        metadata: { name: 'payments', title: 'Payments' },
        spec: { owner: 'group:default/team-payments', costCenter: 'CC-1001' },
      },
    ],
  }),
);

backend.add(import('../src'));

backend.start();
