import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { RELATION_PART_OF, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  isTenantEntity,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';
import {
  DEFAULT_QUOTA_THRESHOLDS,
  QuotaThresholds,
} from '../shared/quotaLevel';
import { RequestNamespaceButton } from '../shared/RequestNamespaceButton';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';
import { groupByEnvironmentAndCluster } from './groupByEnvironmentAndCluster';
import { NamespaceRow } from './NamespaceRow';

/**
 * The namespaces and vClusters of a Tenant, grouped by environment and
 * cluster, each with its quota bars, LimitRange defaults on demand,
 * Argo CD applications and, for a vCluster, its state. The list comes from the catalog, so it stays when
 * the tenancy backend or an upstream fails.
 *
 * @public
 */
export function TenantNamespacesCard(props: {
  thresholds?: QuotaThresholds;
  /** The new-namespace template the empty state leads to. */
  templateRef?: string;
}) {
  const thresholds = props.thresholds ?? DEFAULT_QUOTA_THRESHOLDS;
  const catalogApi = useApi(catalogApiRef);
  const summary = useEntitySummary();
  const { entity, entityRef } = summary;

  const parts = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: {
        kind: 'Resource',
        [`relations.${RELATION_PART_OF}`]: entityRef,
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.type',
      ],
    });
    return response.items;
  }, [catalogApi, entityRef]);

  if (parts.loading) {
    return (
      <InfoCard title="Namespaces and vClusters">
        <Progress />
      </InfoCard>
    );
  }
  if (parts.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the namespaces"
        error={parts.error}
      />
    );
  }

  const entities = parts.value ?? [];
  const summaries = new Map(
    (summary.value?.namespaces ?? []).map(ns => [ns.entityRef, ns]),
  );
  const environmentsInOrder = isTenantEntity(entity)
    ? entity.spec.environments ?? []
    : [];
  const groups = groupByEnvironmentAndCluster(
    entities,
    e => ({
      environment: e.metadata.annotations?.[TENANCY_ANNOTATIONS.environment],
      cluster: e.metadata.annotations?.[TENANCY_ANNOTATIONS.kubernetesCluster],
      name: e.metadata.name,
    }),
    environmentsInOrder,
  );

  return (
    <InfoCard
      title="Namespaces and vClusters"
      subheader={`${entities.length} in total`}
    >
      {summary.error && (
        <Box mb={2}>
          <WarningPanel
            severity="error"
            title="Quota and Argo CD state are unavailable"
            message={summary.error.message}
          />
        </Box>
      )}
      {summary.loading && !summary.value && <Progress />}
      {summary.value && (
        <SourceProblems
          response={summary.value}
          kinds={['kubernetes', 'vcluster', 'argocd', 'flux']}
        />
      )}
      {groups.length === 0 ? (
        <EmptyState
          missing="data"
          title="No namespaces yet"
          description="This tenant has no namespaces or vClusters in the GitOps repository."
          action={
            <RequestNamespaceButton
              tenantRef={entityRef}
              templateRef={props.templateRef}
            />
          }
        />
      ) : (
        groups.map(({ environment, clusters }) => (
          <Box key={environment} mb={3} component="section">
            <Typography variant="h6" component="h3">
              {environment}
            </Typography>
            {clusters.map(({ cluster, items }) => (
              <Box key={cluster} mt={1} mb={2}>
                <Typography variant="body2" color="textSecondary">
                  cluster{' '}
                  <EntityRefLink
                    entityRef={`resource:default/${cluster}`}
                    title={cluster}
                  />
                </Typography>
                {items.map(e => (
                  <NamespaceRow
                    key={e.metadata.name}
                    entity={e}
                    summary={summaries.get(stringifyEntityRef(e))}
                    summaryUnavailable={Boolean(summary.error)}
                    thresholds={thresholds}
                  />
                ))}
              </Box>
            ))}
          </Box>
        ))
      )}
    </InfoCard>
  );
}
