import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { RELATION_PART_OF, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { groupByEnvironmentAndCluster } from './groupByEnvironmentAndCluster';

/**
 * The namespaces and vClusters of a Tenant, grouped by environment and cluster.
 *
 * @public
 */
export function TenantNamespacesCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const tenantRef = stringifyEntityRef(entity);

  const { value, loading, error } = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: {
        kind: 'Resource',
        [`relations.${RELATION_PART_OF}`]: tenantRef,
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
  }, [catalogApi, tenantRef]);

  if (loading) {
    return (
      <InfoCard title="Namespaces and vClusters">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <ResponseErrorPanel title="Could not load the namespaces" error={error} />
    );
  }

  const environmentsInOrder = isTenantEntity(entity)
    ? entity.spec.environments ?? []
    : [];
  const groups = groupByEnvironmentAndCluster(value ?? [], environmentsInOrder);

  return (
    <InfoCard
      title="Namespaces and vClusters"
      subheader={`${value?.length ?? 0} in total`}
    >
      {groups.length === 0 ? (
        <EmptyState
          missing="data"
          title="No namespaces yet"
          description="This tenant has no namespaces or vClusters in the GitOps repository."
        />
      ) : (
        groups.map(({ environment, clusters }) => (
          <Box key={environment} mb={2}>
            <Typography variant="h6" component="h3">
              {environment}
            </Typography>
            {clusters.map(({ cluster, entities }) => (
              <Box
                key={cluster}
                display="flex"
                alignItems="center"
                flexWrap="wrap"
                mt={1}
              >
                <Box minWidth={160} mr={2}>
                  <Typography variant="body2" color="textSecondary">
                    cluster{' '}
                    <EntityRefLink
                      entityRef={`resource:default/${cluster}`}
                      title={cluster}
                    />
                  </Typography>
                </Box>
                {entities.map(e => (
                  <Box key={e.metadata.name} mr={1} mb={0.5}>
                    <EntityRefLink entityRef={e}>
                      <Chip
                        size="small"
                        clickable
                        label={
                          e.spec?.type === 'vcluster'
                            ? `${e.metadata.name} (vCluster)`
                            : e.metadata.name
                        }
                      />
                    </EntityRefLink>
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        ))
      )}
    </InfoCard>
  );
}
