import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * A permission policy that lets users read only the catalog entities owned
 * by `owner`, as the catalog's IS_ENTITY_OWNER condition; service principals
 * are allowed, as by the permission framework.
 */
export const permissionsOwnedBy = (owner: string) =>
  mockServices.permissions.mock({
    authorize: async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async (requests: any[]) =>
      requests.map(() => ({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [owner] },
        },
      })) as any,
  });
