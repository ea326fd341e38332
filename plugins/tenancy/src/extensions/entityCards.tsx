import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { z } from 'zod/v4';
import { isTenancyAvailable } from '../isTenancyAvailable';
import { extensionConfig } from './extensionConfig';

const { thresholdsSchema, templateRefSchema, thresholdsOf } = extensionConfig;

/** The overview card on Tenant entity pages, with requests and the wizard link. */
const tenantOverviewCard = EntityCardBlueprint.makeWithOverrides({
  name: 'tenant-overview',
  configSchema: templateRefSchema,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenantEntity,
      type: 'info',
      loader: () =>
        import('../components/TenantOverviewCard').then(m =>
          compatWrapper(
            <m.TenantOverviewCard templateRef={config.templateRef} />,
          ),
        ),
    });
  },
});

/** Quota of a namespace or vCluster, or summed over a Tenant's namespaces. */
const quotaCard = EntityCardBlueprint.makeWithOverrides({
  name: 'quota',
  configSchema: thresholdsSchema,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenancyAvailable,
      type: 'content',
      loader: () =>
        import('../components/EntityQuotaCard').then(m =>
          compatWrapper(
            <m.EntityQuotaCard thresholds={thresholdsOf(config)} />,
          ),
        ),
    });
  },
});

/** The namespaces and vClusters of a Tenant with quota and Argo CD state. */
const tenantNamespacesCard = EntityCardBlueprint.makeWithOverrides({
  name: 'tenant-namespaces',
  configSchema: { ...thresholdsSchema, ...templateRefSchema },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenantEntity,
      type: 'content',
      loader: () =>
        import('../components/TenantNamespacesCard').then(m =>
          compatWrapper(
            <m.TenantNamespacesCard
              thresholds={thresholdsOf(config)}
              templateRef={config.templateRef}
            />,
          ),
        ),
    });
  },
});

/** Cost of a Tenant, namespace or vCluster. */
const costCard = EntityCardBlueprint.makeWithOverrides({
  name: 'cost',
  configSchema: {
    defaultWindow: z
      .enum(['1d', '7d', '30d'])
      .default('7d')
      .describe('The cost window shown first'),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenancyAvailable,
      type: 'content',
      loader: () =>
        import('../components/EntityCostCard').then(m =>
          compatWrapper(
            <m.EntityCostCard defaultWindow={config.defaultWindow} />,
          ),
        ),
    });
  },
});

/** Argo CD applications of a Tenant, namespace or vCluster. */
const argoApplicationsCard = EntityCardBlueprint.make({
  name: 'argocd-applications',
  params: {
    filter: isTenancyAvailable,
    type: 'content',
    loader: () =>
      import('../components/EntityArgoApplicationsCard').then(m =>
        compatWrapper(<m.EntityArgoApplicationsCard />),
      ),
  },
});

/** Policy report results of a Tenant, namespace or vCluster. */
const policyCard = EntityCardBlueprint.makeWithOverrides({
  name: 'policy',
  configSchema: {
    exceptionTemplateRef: z
      .string()
      .default('template:default/tenant-exception')
      .describe(
        'The template "Request a registry exception" opens on a Tenant, pre-filled',
      ),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenancyAvailable,
      type: 'content',
      loader: () =>
        import('../components/EntityPolicyCard').then(m =>
          compatWrapper(
            <m.EntityPolicyCard
              exceptionTemplateRef={config.exceptionTemplateRef}
            />,
          ),
        ),
    });
  },
});

/** Drift between Git and the clusters of a Tenant, namespace or vCluster. */
const driftCard = EntityCardBlueprint.makeWithOverrides({
  name: 'drift',
  configSchema: {
    adoptTemplateRef: z
      .string()
      .default('template:default/adopt-namespace')
      .describe(
        'The template "Adopt" and "Flag for removal" of an orphan namespace open, pre-filled',
      ),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenancyAvailable,
      type: 'content',
      loader: () =>
        import('../components/EntityDriftCard').then(m =>
          compatWrapper(
            <m.EntityDriftCard adoptTemplateRef={config.adoptTemplateRef} />,
          ),
        ),
    });
  },
});

/** Dashboards, logs and alerts of a Tenant, namespace or vCluster, from `tenancy.observability.links`. */
const observabilityLinksCard = EntityCardBlueprint.make({
  name: 'observability-links',
  params: {
    filter: isTenancyAvailable,
    type: 'info',
    loader: () =>
      import('../components/EntityObservabilityLinksCard').then(m =>
        compatWrapper(<m.EntityObservabilityLinksCard />),
      ),
  },
});

/** The tenants a Group owns, on the Group's page. */
const groupTenantsCard = EntityCardBlueprint.make({
  name: 'group-tenants',
  params: {
    filter: 'kind:group',
    type: 'content',
    loader: () =>
      import('../components/GroupTenantsCard').then(m =>
        compatWrapper(<m.GroupTenantsCard />),
      ),
  },
});

/** API server, connect command and kubeconfig download of a vCluster. */
const vclusterAccessCard = EntityCardBlueprint.make({
  name: 'vcluster-access',
  params: {
    filter: { kind: 'resource', 'spec.type': 'vcluster' },
    type: 'info',
    loader: () =>
      import('../components/EntityVClusterAccessCard').then(m =>
        compatWrapper(<m.EntityVClusterAccessCard />),
      ),
  },
});

/** Control plane state, chart version vs the pinned one, Kubernetes and Argo CD state of a vCluster. */
const vclusterStateCard = EntityCardBlueprint.make({
  name: 'vcluster-state',
  params: {
    filter: { kind: 'resource', 'spec.type': 'vcluster' },
    type: 'info',
    loader: () =>
      import('../components/EntityVClusterStateCard').then(m =>
        compatWrapper(<m.EntityVClusterStateCard />),
      ),
  },
});

/** The entity cards of the plugin (`entity-card:tenancy/*`). */
export const entityCards = [
  tenantOverviewCard,
  quotaCard,
  tenantNamespacesCard,
  costCard,
  argoApplicationsCard,
  policyCard,
  driftCard,
  observabilityLinksCard,
  groupTenantsCard,
  vclusterAccessCard,
  vclusterStateCard,
];
