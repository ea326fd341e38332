import { Constraint } from './policySchemas';
import { PolicyResults } from './PolicyResults';

/**
 * Adds the audit violations of one Gatekeeper constraint by namespace: a
 * `deny` violation is a fail, `warn` and `dryrun` a warn. Gatekeeper keeps no
 * passes and at most `--constraint-violations-limit` (20) violations per
 * constraint in its status, so its counts are a lower bound.
 */
export function addConstraintViolations(
  into: PolicyResults,
  constraint: Constraint,
): void {
  for (const v of constraint.status?.violations ?? []) {
    const namespace = v.kind === 'Namespace' && !v.group ? v.name : v.namespace;
    if (!namespace) continue;
    into.add(namespace, {
      policy: `${constraint.kind}/${constraint.metadata.name}`,
      result:
        v.enforcementAction === 'deny' || !v.enforcementAction
          ? 'fail'
          : 'warn',
      message: v.message,
      source: 'gatekeeper',
      resource: {
        apiVersion: v.group ? `${v.group}/${v.version}` : v.version,
        kind: v.kind,
        namespace: v.namespace,
        name: v.name,
      },
    });
  }
}
