import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  createConditionAuthorizer,
  PermissionRule,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  tenancyEntityReadPermission,
  tenancyProvisionAdminPermission,
  tenancyVClusterKubeconfigReadPermission,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyPermissions } from './TenancyPermissions';

const groups: Record<string, string[]> = {
  'user:default/pat': ['user:default/pat', 'group:default/platform-team'],
  'user:default/guest': [
    'user:default/guest',
    'group:default/team-payments',
    'group:default/team-data',
  ],
};

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return { userEntityRef: ref, ownershipEntityRefs: groups[ref] ?? [ref] };
  },
});

const user = (ref: string) =>
  ({
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [] },
  } as PolicyQueryUser);

const admin = { permission: tenancyProvisionAdminPermission };
const read = { permission: tenancyEntityReadPermission };
const kubeconfig = { permission: tenancyVClusterKubeconfigReadPermission };

/** The catalog's ownership condition with the guest's ownership references. */
const guestsOwnEntities = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims: groups['user:default/guest'] },
  },
};

/** A conditional decision applied to an entity with the catalog's own rules. */
const catalogAuthorizer = createConditionAuthorizer<Entity>({
  getRuleByName: name =>
    Object.values(permissionRules).find(r => r.name === name) as PermissionRule<
      Entity,
      unknown,
      string
    >,
});

/** A vCluster entity owned by `owner`, with the relation the catalog derives from `spec.owner`. */
const vcluster = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'vcluster', owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

describe('TenancyPermissions', () => {
  it('grants tenancy.provision.admin to direct members of a platform-admin group only', async () => {
    const tenancy = TenancyPermissions.create({
      userInfo,
      platformAdminGroups: ['platform-team'],
    });
    expect(await tenancy.decide(admin, user('user:default/pat'))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await tenancy.decide(admin, user('user:default/guest'))).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await tenancy.decide(admin)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('makes nobody a platform admin by default', async () => {
    const tenancy = TenancyPermissions.create({ userInfo });
    expect(await tenancy.decide(admin, user('user:default/pat'))).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it("lets everyone read other tenants' quota and cost by default", async () => {
    const tenancy = TenancyPermissions.create({ userInfo });
    expect(await tenancy.decide(read, user('user:default/guest'))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('limits reads to owned entities with readOtherTenants: false, and lets admins read everything', async () => {
    const tenancy = TenancyPermissions.create({
      userInfo,
      platformAdminGroups: ['group:default/platform-team'],
      readOtherTenants: false,
    });
    expect(await tenancy.decide(read, user('user:default/guest'))).toEqual(
      guestsOwnEntities,
    );
    expect(await tenancy.decide(read, user('user:default/pat'))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await tenancy.decide(read)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it("lets only the vCluster's owning group's members and platform admins read its kubeconfig, whatever readOtherTenants says", async () => {
    const tenancy = TenancyPermissions.create({
      userInfo,
      platformAdminGroups: ['group:default/platform-team'],
      readOtherTenants: true,
    });
    const guest = await tenancy.decide(kubeconfig, user('user:default/guest'));
    expect(guest).toEqual(guestsOwnEntities);
    // As the catalog applies it: the guest's team's vCluster, not another's.
    expect(
      catalogAuthorizer(
        guest as any,
        vcluster('payments-vc-dev', 'group:default/team-payments'),
      ),
    ).toBe(true);
    expect(
      catalogAuthorizer(
        guest as any,
        vcluster('checkout-vc-dev', 'group:default/team-checkout'),
      ),
    ).toBe(false);
    expect(await tenancy.decide(kubeconfig, user('user:default/pat'))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await tenancy.decide(kubeconfig)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(tenancy.owns(kubeconfig)).toBe(true);
  });

  it('answers nothing for permissions it does not own', async () => {
    const tenancy = TenancyPermissions.create({ userInfo });
    const other = createPermission({
      name: 'catalog.entity.delete',
      attributes: { action: 'delete' },
    });
    expect(
      await tenancy.decide({ permission: other }, user('user:default/pat')),
    ).toBeUndefined();
    expect(tenancy.owns({ permission: other })).toBe(false);
    expect(tenancy.owns(admin)).toBe(true);
  });

  it('reads its choices from config, and refuses a group that is not a reference', async () => {
    const config = mockServices.rootConfig({
      data: {
        tenancy: {
          permissions: {
            platformAdminGroups: ['group:default/platform-team'],
            readOtherTenants: false,
          },
        },
      },
    });
    const tenancy = TenancyPermissions.fromConfig(config, { userInfo });
    expect(await tenancy.decide(admin, user('user:default/pat'))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(
      (await tenancy.decide(read, user('user:default/guest')))?.result,
    ).toBe(AuthorizeResult.CONDITIONAL);
    expect(() =>
      TenancyPermissions.create({ userInfo, platformAdminGroups: ['group:'] }),
    ).toThrow(/platformAdminGroups: "group:" is not an entity reference/);
  });
});
