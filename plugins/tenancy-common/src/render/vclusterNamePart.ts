/**
 * The middle part of a vCluster's host namespace (and so of the vCluster's
 * name), `<tenant>-vc-<name>-<environment>` (`composeNamespaceName`): the
 * `vc-` keeps vClusters apart from the tenant's namespaces of the same name.
 *
 * @public
 */
export function vclusterNamePart(name: string): string {
  return `vc-${name}`;
}
