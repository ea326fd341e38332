import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

/**
 * The backend's own keys. `tenancy.gitops.*` and `tenancy.policy.*`, which it
 * also reads (the wizard's checks, a tenant's requests), are documented by
 * their owner, tenancy-node (its config.d.ts).
 */
export interface Config {
  tenancy?: {
    /** How the quota, cost and Argo CD sources are refreshed. */
    refresh?: {
      /** Default: every 5 minutes, first run at start-up. One replica refreshes at a time. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Time allowed for one upstream call. Default 10 seconds. */
      callTimeout?: HumanDuration | string;
      /** Retries of a failed idempotent call (network errors, timeouts, 5xx). Default 2. */
      retries?: number;
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
    argocd?: {
      /** Maps Argo CD destinations to Backstage cluster names where they differ. */
      destinations?: Array<{
        instance?: string;
        server?: string;
        name?: string;
        cluster: string;
      }>;
    };
  };

  /** Argo CD instances, in the schema the community and Roadie Argo CD plugins share. */
  argocd?: {
    /** @visibility secret */
    username?: string;
    /** @visibility secret */
    password?: string;
    appLocatorMethods?: Array<{
      type: string;
      instances?: Array<{
        name: string;
        url: string;
        /** @visibility secret */
        token?: string;
        /** @visibility secret */
        username?: string;
        /** @visibility secret */
        password?: string;
      }>;
    }>;
  };
}
