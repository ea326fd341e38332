/**
 * The files of a namespace folder that hold the objects a change of its
 * settings edits: the Namespace (labels), its ResourceQuota and its
 * container LimitRange.
 *
 * @public
 */
export const NAMESPACE_BUNDLE_FILES = {
  namespace: 'namespace.yaml',
  quota: 'resourcequota.yaml',
  limits: 'limitrange.yaml',
} as const;
