import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { TENANT_KIND } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * The full entity reference of an action's `tenant` input, given as a name
 * (`payments`) or a reference (`tenant:default/payments`); an InputError
 * naming the field otherwise.
 */
export function tenantRefOf(tenant: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(tenant, { defaultKind: TENANT_KIND }),
    );
  } catch (error) {
    throw new InputError(
      `tenant (entity-ref): "${tenant}" is not a tenant name or entity reference: ${
        (error as Error).message
      }`,
    );
  }
}
