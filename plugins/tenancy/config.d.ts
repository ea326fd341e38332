/**
 * The frontend plugin's own keys. The other `tenancy.*` keys are the backend's
 * and tenancy-node's (their config.d.ts).
 */
export interface Config {
  tenancy?: {
    /** Links to the platform's dashboards, logs and alerts on entity pages. */
    observability?: {
      /**
       * Link templates shown on Tenant, namespace and vCluster pages (card
       * `entity-card:tenancy/observability-links`). In a URL, `{tenant}`,
       * `{namespace}`, `{cluster}` and `{environment}` are filled from the
       * entity (a Tenant has only `{tenant}`; a namespace or vCluster its
       * `tenancy.io/tenant` and `tenancy.io/environment` annotations, its
       * `backstage.io/kubernetes-namespace` and `backstage.io/kubernetes-cluster`
       * annotations), percent-encoded; a template whose placeholder the entity
       * cannot fill yields no link. No credential in a URL: a template with
       * `user:password@` or a query parameter named like a token, key,
       * password, secret, auth or signature, an unknown placeholder or a URL
       * that is not http(s) refuses the whole list (an error in the browser
       * console names the key and the rule, and no link is shown).
       *
       * @deepVisibility frontend
       */
      links?: Array<{
        /** The link's text. */
        title: string;
        /** Absolute http(s) URL with placeholders, e.g. `https://grafana.example.com/d/tenant?var-tenant={tenant}`. */
        url: string;
        /** Chooses the icon and the order (dashboards, logs, alerts, others). Default other. */
        kind?: 'dashboard' | 'logs' | 'alerts' | 'other';
        /** `tenant`: on Tenant pages; `namespace`: on namespace and vCluster pages. */
        for: 'tenant' | 'namespace';
      }>;
    };
  };
}
