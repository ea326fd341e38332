/** What an observability link can lead to, in the order the card lists them. */
export const OBSERVABILITY_LINK_KINDS = [
  'dashboard',
  'logs',
  'alerts',
  'other',
] as const;

/** What an observability link leads to; chooses its icon and its order. */
export type ObservabilityLinkKind = (typeof OBSERVABILITY_LINK_KINDS)[number];

/** The values a link template may use, each written `{name}` in its URL. */
export const OBSERVABILITY_PLACEHOLDERS = [
  'tenant',
  'namespace',
  'cluster',
  'environment',
] as const;

/** A placeholder of a link template. */
export type ObservabilityPlaceholder =
  (typeof OBSERVABILITY_PLACEHOLDERS)[number];

/** One entry of `tenancy.observability.links`, checked. */
export interface ObservabilityLinkTemplate {
  title: string;
  /** An absolute http(s) URL with `{tenant}`, `{namespace}`, `{cluster}` or `{environment}`. */
  url: string;
  kind: ObservabilityLinkKind;
  /** Tenant pages, or namespace and vCluster pages. */
  for: 'tenant' | 'namespace';
}

/** A link filled from an entity. */
export interface ObservabilityLink {
  title: string;
  url: string;
  kind: ObservabilityLinkKind;
}
