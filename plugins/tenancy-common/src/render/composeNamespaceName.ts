/**
 * The Kubernetes name of a tenant namespace: `<tenant>[-<suffix>]-<environment>`,
 * so every namespace carries its tenant's prefix and is unique across clusters.
 *
 * @public
 */
export function composeNamespaceName(options: {
  tenant: string;
  environment: string;
  suffix?: string;
}): string {
  const { tenant, environment, suffix } = options;
  return [tenant, suffix, environment].filter(Boolean).join('-');
}
