import type { ValidationProblem } from '../policy/ValidationProblem';

/**
 * The middle part of `<tenant>-<name>-<environment>` (undefined for
 * `<tenant>-<environment>`), or the problem of a namespace not named so: the
 * inverse of `composeNamespaceName`, for changes to existing namespaces.
 *
 * @public
 */
export function namespaceNamePart(
  namespace: string,
  tenant: string,
  environment: string,
): { name?: string; problem?: ValidationProblem } {
  if (namespace === `${tenant}-${environment}`) return {};
  const prefix = `${tenant}-`;
  const suffix = `-${environment}`;
  if (
    namespace.startsWith(prefix) &&
    namespace.endsWith(suffix) &&
    namespace.length > prefix.length + suffix.length
  ) {
    return { name: namespace.slice(prefix.length, -suffix.length) };
  }
  return {
    problem: {
      field: 'namespace',
      rule: 'tenant-naming',
      message: `namespace ${namespace} is not named <tenant>-<name>-<environment>; change it by hand in the GitOps repository`,
    },
  };
}
