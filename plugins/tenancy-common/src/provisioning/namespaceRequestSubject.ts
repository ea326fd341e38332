/**
 * The kinds of request a tenant namespace can have open: its creation, a
 * change of its settings and its decommissioning.
 *
 * @public
 */
export type NamespaceRequestKind = 'create' | 'update' | 'delete';

/**
 * The subject (last part of the request branch) of a namespace's request of
 * one kind: the namespace for its creation, `<namespace>-update` and
 * `<namespace>-delete` for the others. One open request per kind and
 * namespace; see `otherNamespaceRequestKinds` for the rule between kinds.
 *
 * @public
 */
export function namespaceRequestSubject(
  namespace: string,
  kind: NamespaceRequestKind,
): string {
  return kind === 'create' ? namespace : `${namespace}-${kind}`;
}

/**
 * The kinds of request that may not be open beside one of `kind` for the same
 * namespace: a change and a decommissioning exclude each other, and neither
 * can be asked for while the namespace's creation is still open.
 *
 * @public
 */
export function otherNamespaceRequestKinds(
  kind: NamespaceRequestKind,
): NamespaceRequestKind[] {
  return (['create', 'update', 'delete'] as const).filter(k => k !== kind);
}
