import { parseAllDocuments } from 'yaml';
import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import { problem } from '../policy/rules/problem';
import type { ValidationProblem } from '../policy/ValidationProblem';
import {
  renderTenantGuardrails,
  tenantGuardrailsFile,
} from '../render/guardrails/renderGuardrails';
import type { Manifest } from '../render/renderNamespaceBundle';
import { serializeManifests } from '../render/serializeManifests';
import {
  describeTenantException,
  tenantExceptionChecks,
} from './describeTenantException';
import type { PreparedChange } from './PreparedChange';
import type { ProvisioningContext } from './ProvisioningContext';
import { justificationRule } from './justificationRule';
import { registryPrefixRule } from './registryPrefixRule';

/**
 * A tenant's exception to the platform's guardrails, as asked for: image
 * registries added to or removed from its `spec.allowedRegistries`.
 *
 * @public
 */
export interface TenantExceptionDraft {
  /** Registries the tenant may pull from from now on. */
  addRegistries?: string[];
  /** Registries of the tenant's own list it no longer needs. */
  removeRegistries?: string[];
  /** Why; required, shown to the reviewer. */
  reason: string;
  /** The text of the tenant's `tenant.yaml` on the base branch; undefined when absent. */
  current: string | undefined;
}

/** The registry entry of `prefixes` that already allows everything under `registry`. */
function covering(registry: string, prefixes: readonly string[]) {
  return prefixes.find(prefix => registry.startsWith(prefix));
}

/**
 * The problems of the asked registries against the tenant's list and the
 * platform default: each a valid entry, given once; an added one not allowed
 * already (rule `already-allowed`, naming the entry that allows it), a
 * removed one on the tenant's own list (`not-listed`).
 */
function registryProblems(
  add: string[],
  remove: string[],
  own: string[],
  platform: readonly string[],
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  const each = (
    list: string[],
    key: string,
    check: (r: string, field: string) => void,
  ) =>
    list.forEach((registry, i) => {
      const field = `${key}[${i}]`;
      const invalid = registryPrefixRule(registry, field);
      if (invalid.length) {
        problems.push(...invalid);
      } else if (seen.has(registry)) {
        problems.push(
          problem(field, 'unique', `${field} "${registry}" is given twice`),
        );
      } else {
        seen.add(registry);
        check(registry, field);
      }
    });
  each(add, 'addRegistries', (registry, field) => {
    const byPlatform = covering(registry, platform);
    const byTenant = covering(registry, own);
    if (byPlatform || byTenant) {
      problems.push(
        problem(
          field,
          'already-allowed',
          `${field} "${registry}" is allowed already, by ${
            byPlatform
              ? `the platform default "${byPlatform}" (tenancy.policy.guardrails.allowedRegistries)`
              : `the tenant's "${byTenant}"`
          }`,
        ),
      );
    }
  });
  each(remove, 'removeRegistries', (registry, field) => {
    if (!own.includes(registry)) {
      problems.push(
        problem(
          field,
          'not-listed',
          `${field} "${registry}" is not in the tenant's spec.allowedRegistries${
            platform.includes(registry)
              ? ': it is a platform default (tenancy.policy.guardrails.allowedRegistries), which no tenant request changes'
              : ''
          }`,
        ),
      );
    }
  });
  return problems;
}

/**
 * A tenant exception without its side effects: the tenant's `tenant.yaml`
 * of the base branch with `spec.allowedRegistries` changed (every other
 * field and object as it was, written with the renderers' serializer) and
 * its own policy objects rendered again for the new list
 * (`renderTenantGuardrails`, into `tenantGuardrailsFile`; none when the
 * platform configures no guardrails engine),
 * checked first: every registry an entry (see
 * registryPrefixRule), an added one not allowed already, a removed one on
 * the tenant's list, and a reason of 10 to 1000 characters. Refused, with
 * every problem named, otherwise.
 *
 * @public
 */
export function prepareTenantException(
  draft: TenantExceptionDraft,
  options: {
    tenant: TenantEntityV1alpha1;
    context: ProvisioningContext;
    /** The platform default, `tenancy.policy.guardrails.allowedRegistries`. */
    platformRegistries: readonly string[];
  },
): PreparedChange & {
  /** The tenant's list after the change (empty when refused). */
  allowedRegistries: string[];
} {
  const { tenant: entity, context, platformRegistries } = options;
  const tenant = entity.metadata.name;
  const add = draft.addRegistries ?? [];
  const remove = draft.removeRegistries ?? [];
  const file = context.layout.tenantFile(tenant);
  const refused = (problems: ValidationProblem[]) => ({
    problems,
    allowedRegistries: [] as string[],
    files: {},
    tenant,
    subject: 'exception',
    title: `Guardrail exception for tenant ${tenant}: image registries`,
    checks: [],
    describe: () => '',
  });

  const reason = draft.reason.trim();
  const problems = justificationRule(reason, 'reason');
  if (add.length === 0 && remove.length === 0) {
    problems.push(
      problem(
        'addRegistries',
        'something-to-change',
        'nothing to change: give a registry to add or to remove',
      ),
    );
  }
  if (draft.current === undefined) {
    return refused([
      ...problems,
      problem('tenant', 'in-repository', `${file} is not on the base branch`),
    ]);
  }
  const objects = parseAllDocuments(draft.current)
    .map(d => d.toJS({ maxAliasCount: 0 }) as Manifest | null)
    .filter((o): o is Manifest => !!o && typeof o === 'object');
  const index = objects.findIndex(o => o.kind === 'Tenant');
  if (index === -1) {
    return refused([
      ...problems,
      problem('tenant', 'in-repository', `${file} holds no Tenant`),
    ]);
  }
  const object = objects[index] as Manifest & {
    spec?: { allowedRegistries?: unknown };
  };
  const own = Array.isArray(object.spec?.allowedRegistries)
    ? object.spec!.allowedRegistries.map(String)
    : [];
  problems.push(...registryProblems(add, remove, own, platformRegistries));
  const allowedRegistries = [...own.filter(r => !remove.includes(r)), ...add];
  if (
    !problems.length &&
    allowedRegistries.length === 0 &&
    platformRegistries.length === 0
  ) {
    problems.push(
      problem(
        'removeRegistries',
        'last-registry',
        `removing the last of tenant ${tenant}'s registries while the platform sets no default (tenancy.policy.guardrails.allowedRegistries) would let its pods pull from any registry: keep one`,
      ),
    );
  }
  if (problems.length) return refused(problems);

  const { allowedRegistries: _old, ...spec } = (object.spec ?? {}) as Record<
    string,
    unknown
  >;
  objects[index] = {
    ...object,
    spec: allowedRegistries.length ? { ...spec, allowedRegistries } : spec,
  };
  // The tenant's own policy objects follow its list (none for engine none).
  const guardrails = renderTenantGuardrails(
    { metadata: entity.metadata, spec: { ...entity.spec, allowedRegistries } },
    context.policy,
  );
  return {
    ...refused([]),
    allowedRegistries,
    files: {
      [file]: serializeManifests(objects),
      ...(guardrails.length
        ? {
            [tenantGuardrailsFile(context.layout, tenant)]:
              serializeManifests(guardrails),
          }
        : {}),
    },
    checks: tenantExceptionChecks(),
    describe: (paths, checks) =>
      describeTenantException({
        tenant,
        requestedBy: context.requestedBy,
        reason,
        before: own,
        after: allowedRegistries,
        platformRegistries,
        files: paths,
        checks,
      }),
  };
}
