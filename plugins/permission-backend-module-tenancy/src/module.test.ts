import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import { tenancyProvisionAdminPermission } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import request from 'supertest';
import permissionPlugin from '@backstage/plugin-permission-backend';
import permissionModuleTenancy from './index';

describe('permissionModuleTenancy', () => {
  it('grants tenancy.provision.admin to the configured group only, and allows the rest', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleTenancy,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            tenancy: {
              permissions: { platformAdminGroups: ['platform-team'] },
            },
          },
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs:
                ref === 'user:default/pat'
                  ? [ref, 'group:default/platform-team']
                  : [ref, 'group:default/team-payments'],
            };
          },
        }).factory,
      ],
    });
    const ask = async (user: string) => {
      const res = await request(server)
        .post('/api/permission/authorize')
        .set('Authorization', mockCredentials.user.header(user))
        .send({
          items: [
            { id: 'admin', permission: tenancyProvisionAdminPermission },
            { id: 'catalog', permission: catalogEntityCreatePermission },
          ],
        });
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.items.map((i: { id: string; result: string }) => [
          i.id,
          i.result,
        ]),
      );
    };
    expect(await ask('user:default/guest')).toEqual({
      admin: 'DENY',
      catalog: 'ALLOW',
    });
    expect(await ask('user:default/pat')).toEqual({
      admin: 'ALLOW',
      catalog: 'ALLOW',
    });
  });
});
