import { vclusterNamePart } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * The name part the namespace check is asked about, or `false` when there is
 * nothing to check yet: a namespace's optional middle part as typed, or, with
 * `ui:options: { vcluster: true }` on the field, a vCluster's host namespace
 * part (`vc-<name>`, the host namespace `<tenant>-vc-<name>-<env>`), which
 * needs a name.
 */
export function namePartToCheck(
  name: string | undefined,
  /** The field's `ui:options`. */
  options: unknown,
): string | undefined | false {
  const vcluster =
    typeof options === 'object' &&
    options !== null &&
    'vcluster' in options &&
    options.vcluster === true;
  if (!vcluster) return name || undefined;
  return name ? vclusterNamePart(name) : false;
}
