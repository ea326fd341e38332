import {
  entityKindSchemaValidator,
  KindValidator,
} from '@backstage/catalog-model';
import { tenantEntityV1alpha1Schema } from './tenantEntityV1alpha1Schema';
import type { TenantEntityV1alpha1 } from './TenantEntityV1alpha1';

const validate = entityKindSchemaValidator<TenantEntityV1alpha1>(
  tenantEntityV1alpha1Schema,
);

/**
 * Validates Tenant entities against {@link tenantEntityV1alpha1Schema}.
 *
 * `check` answers `false` for entities of another kind, `true` for a valid
 * Tenant, and throws a TypeError naming the field and the rule otherwise.
 *
 * @public
 */
export const tenantEntityV1alpha1Validator: KindValidator = {
  async check(data) {
    return validate(data) !== false;
  },
};
