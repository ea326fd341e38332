/**
 * Branch names of provisioning requests: `tenancy/<tenant>/<subject>`, so a
 * re-run of the same request reuses its branch and a tenant's requests can be
 * listed by prefix.
 *
 * @public
 */
export function requestBranch(tenant: string, subject: string): string {
  return `${requestBranchPrefix(tenant)}${subject}`;
}

/**
 * The prefix of every request branch of a tenant.
 *
 * @public
 */
export function requestBranchPrefix(tenant: string): string {
  return `tenancy/${tenant}/`;
}
