import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRule,
} from '@backstage/plugin-permission-node';
// The catalog's own rules (IS_ENTITY_OWNER, HAS_ANNOTATION, ...) are exported
// by the catalog backend alone: @backstage/plugin-catalog-node (2.2.x, 3.0.0)
// exports the resource ref but not the rules, and a copy could drift.
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { tenancyEntityReadPermission } from '@tenancy-plugins/backstage-plugin-tenancy-common';

const catalogRules = new Map<string, PermissionRule<Entity, unknown, string>>(
  Object.values(permissionRules).map(rule => [
    rule.name,
    rule as PermissionRule<Entity, unknown, string>,
  ]),
);

/** Applies a conditional decision on catalog entities to one, with the catalog's own rules. */
export const authorizer = createConditionAuthorizer<Entity>({
  getRuleByName(name) {
    const rule = catalogRules.get(name);
    if (!rule) throw new Error(`Unknown catalog permission rule ${name}`);
    return rule;
  },
});

/** Says whether the caller may see an entity's summary. */
export interface VisibilityCheck {
  (entity: Entity): boolean;
  /** True when the caller may see every entity, so answers can be shared between callers. */
  allowsAll: boolean;
}

const check = (allowsAll: boolean, fn: (entity: Entity) => boolean) =>
  Object.assign(fn, { allowsAll });

/**
 * Asks the permission framework once per request whether the caller may read
 * catalog entities and their tenancy summaries, and turns conditional
 * answers (e.g. "only entities you own") into a check applied to entities in
 * memory with the catalog's own permission rules.
 */
export async function createVisibilityCheck(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<VisibilityCheck> {
  const decisions = await permissions.authorizeConditional(
    [
      { permission: catalogEntityReadPermission },
      { permission: tenancyEntityReadPermission },
    ],
    { credentials },
  );
  if (decisions.some(d => d.result === AuthorizeResult.DENY)) {
    return check(false, () => false);
  }
  if (decisions.every(d => d.result === AuthorizeResult.ALLOW)) {
    return check(true, () => true);
  }
  return check(false, entity => decisions.every(d => authorizer(d, entity)));
}
