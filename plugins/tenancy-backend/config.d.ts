import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

/**
 * The backend's own keys. `tenancy.gitops.*` and `tenancy.policy.*`, which it
 * also reads (the wizard's checks, a tenant's requests), are documented by
 * their owner, tenancy-node (its config.d.ts).
 */
export interface Config {
  tenancy?: {
    /** How the quota, cost, Argo CD, policy and GitOps sources are refreshed. */
    refresh?: {
      /** Default: every 5 minutes, first run at start-up. One replica refreshes at a time. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Time allowed for one upstream call. Default 10 seconds. */
      callTimeout?: HumanDuration | string;
      /** Retries of a failed idempotent call (network errors, timeouts, 5xx). Default 2. */
      retries?: number;
      /**
       * Read each cluster's policy reports (wgpolicyk8s.io and openreports.io reports,
       * Gatekeeper's constraint violations) as a `policy:<cluster>` source. Default true.
       */
      policyReports?: boolean;
      /**
       * Read the GitOps repository's default branch (through `tenancy.gitops.publisher`) as
       * the `gitops:default` source and compare it with the clusters. Default true.
       */
      drift?: boolean;
    };
    /** Cost from OpenCost or Kubecost. */
    cost?: {
      /** ISO 4217 code shown with every amount. Default USD. */
      currency?: string;
      /** Ask for the idle allocation (OpenCost `includeIdle`, Kubecost `idle`). Default false. */
      includeIdle?: boolean;
      /** Share idle cost among namespaces. Default false. */
      shareIdle?: boolean;
      instances?: Array<{
        name: string;
        /** Default opencost. */
        type?: 'opencost' | 'kubecost';
        /** OpenCost `http://<host>:9003`, Kubecost `http://<host>:9090`. */
        url: string;
        /** The Backstage cluster all data of this instance belongs to; without it, allocations name their cluster. */
        cluster?: string;
      }>;
    };
    /**
     * Notifications through the app's notifications service (topic `tenancy`), each event
     * sent once across replicas. Quota warnings use the quota bars' warning threshold (80 %).
     */
    notifications?: {
      /**
       * Switch a kind off with `false`; every kind is on by default. Kinds: requestOpened,
       * requestUpdated, requestMerged, requestClosed, ready, quotaWarning,
       * applicationDegraded, costOverBudget, sourceFailing, drift, policyFailures.
       */
      kinds?: { [kind: string]: boolean };
      /**
       * The platform team's group, e.g. `group:default/platform-team` (a short name is a
       * group of the default namespace): told of failing sources, drift and policy failures.
       * Without it those kinds are not sent.
       */
      platformGroup?: string;
      /**
       * How long an Argo CD application is Degraded, or a Flux object's Ready is False, before its
       * tenant's owners are told. Default 30 minutes.
       */
      degradedAfter?: HumanDuration | string;
      /** How long a source keeps failing before the platform team is told. Default 15 minutes. */
      sourceFailingAfter?: HumanDuration | string;
      /** Cost budgets: a tenant's owners are told when its cost over the window goes above the amount. */
      budgets?: Array<{
        /** The Tenant's name, e.g. `payments`. */
        tenant: string;
        /** The cost window, `1d`, `7d` or `30d`. Default `30d`. */
        window?: '1d' | '7d' | '30d';
        /** In `tenancy.cost.currency`, above zero. */
        amount: number;
      }>;
    };
    /** The provisioning history and its metrics (`GET /v1/provisioning/metrics`). */
    provisioning?: {
      /**
       * The target from a creation's merge to its namespace or vCluster being ready, in
       * minutes: the SLA share of the metrics. A positive number. Default 10.
       */
      slaMinutes?: number;
    };
    argocd?: {
      /**
       * Maps Argo CD destinations (by `server` URL or cluster `name`, optionally of one
       * `instance`) to Backstage cluster names. An application whose destination is not mapped
       * is placed on the cluster of its destination's name; one with only a server URL (such
       * as `https://kubernetes.default.svc`) needs a mapping.
       */
      destinations?: Array<{
        instance?: string;
        server?: string;
        name?: string;
        cluster: string;
      }>;
    };
  };

  /**
   * Argo CD instances, in the schema the Roadie (`@roadiehq/backstage-plugin-argo-cd-backend`)
   * and Red Hat (`@backstage-community/plugin-redhat-argocd-backend`) Argo CD plugins share.
   * The backend lists every instance of every `appLocatorMethods` entry of type `config`.
   */
  argocd?: {
    /**
     * Username to sign in with (`POST /api/v1/session`) for instances that have neither a
     * token nor a username of their own.
     * @visibility secret
     */
    username?: string;
    /**
     * Password for instances that have neither a token nor a password of their own.
     * @visibility secret
     */
    password?: string;
    appLocatorMethods?: Array<{
      /** Only `config` is read; other types are left to the plugins that know them. */
      type: string;
      instances?: Array<{
        /** Unique over all locator methods: the value of `argocd/instance-name` annotations. */
        name: string;
        /** Base URL of the Argo CD API server, http: or https:, e.g. `https://argocd.example.com`. */
        url: string;
        /**
         * An account or project-role token; used as it is, and preferred over a username and
         * password.
         * @visibility secret
         */
        token?: string;
        /**
         * With `password`: the backend signs in and renews the session when it expires.
         * @visibility secret
         */
        username?: string;
        /** @visibility secret */
        password?: string;
      }>;
    }>;
  };
}
