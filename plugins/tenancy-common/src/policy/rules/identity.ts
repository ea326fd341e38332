import { parseEntityRef } from '@backstage/catalog-model';
import type { ValidationProblem } from '../ValidationProblem';
import { CONTROL_CHARACTERS } from './freeText';
import { problem } from './problem';

/**
 * Checks an identity-provider group to bind: set, not a Kubernetes system
 * group, no wildcard, no spaces or control characters.
 *
 * @public
 */
export function validateIdentityGroup(
  group: string | undefined,
  field = 'tenant.ssoGroup',
): ValidationProblem[] {
  if (group === undefined) {
    return [
      problem(
        field,
        'required',
        `${field} is required: the group to bind in the namespace`,
      ),
    ];
  }
  const problems: ValidationProblem[] = [];
  if (group.startsWith('system:')) {
    problems.push(
      problem(
        field,
        'system-group',
        `${field} "${group}" is a Kubernetes system group; bind a group of your identity provider`,
      ),
    );
  }
  if (group.includes('*')) {
    problems.push(
      problem(
        field,
        'wildcard',
        `${field} "${group}" must not contain a wildcard`,
      ),
    );
  }
  if (
    /\s/.test(group) ||
    CONTROL_CHARACTERS.test(group) ||
    group.length === 0 ||
    group.length > 256
  ) {
    problems.push(
      problem(
        field,
        'characters',
        `${field} "${group}" must be 1 to 256 characters without spaces or control characters`,
      ),
    );
  }
  return problems;
}

/**
 * The owner of a tenant: an entity reference of a Group (kind defaults to
 * group). Rules `entity-ref` and `group`.
 *
 * @public
 */
export function ownerGroupRule(
  owner: string,
  field = 'owner',
): ValidationProblem[] {
  try {
    const ref = parseEntityRef(owner, { defaultKind: 'group' });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      return [problem(field, 'group', `${field} "${owner}" must be a Group`)];
    }
    return [];
  } catch {
    return [
      problem(
        field,
        'entity-ref',
        `${field} "${owner}" is not an entity reference, e.g. group:default/team-payments`,
      ),
    ];
  }
}
