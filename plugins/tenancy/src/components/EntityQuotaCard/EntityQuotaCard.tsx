import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { LimitRangeDetails } from '../shared/LimitRangeDetails';
import { QuotaBars } from '../shared/QuotaBars';
import {
  DEFAULT_QUOTA_THRESHOLDS,
  QuotaThresholds,
} from '../shared/quotaLevel';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';

/**
 * ResourceQuota usage against hard limits. On a namespace or vCluster: each
 * resource and the LimitRange defaults; on a Tenant: summed over its
 * namespaces.
 *
 * @public
 */
export function EntityQuotaCard(props: { thresholds?: QuotaThresholds }) {
  const thresholds = props.thresholds ?? DEFAULT_QUOTA_THRESHOLDS;
  const { value, error, entity } = useEntitySummary();
  const isTenant = isTenantEntity(entity);
  const title = isTenant ? 'Quota of all namespaces' : 'Quota';

  if (error) {
    return (
      <ResponseErrorPanel title="Could not load the quota" error={error} />
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  const single = !isTenant ? value.namespaces[0] : undefined;
  const resources = single ? single.quota?.resources : value.totals.quota;
  let body;
  if (value.namespaces.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No namespaces yet"
        description="Quota shows here once the tenant has namespaces."
      />
    );
  } else if (!resources) {
    body = (
      <Typography variant="body2" color="textSecondary">
        The cluster has not reported this namespace
        {single ? ` (${single.namespace} on ${single.cluster})` : ''}: it may
        not be applied yet.
      </Typography>
    );
  } else {
    body = (
      <>
        <QuotaBars resources={resources} thresholds={thresholds} />
        {single?.quota && (
          <Box mt={2}>
            <LimitRangeDetails
              limitRanges={single.quota.limitRanges}
              namespace={single.namespace}
            />
          </Box>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title={title}
      subheader={
        single
          ? `${single.namespace} on ${single.cluster}${
              single.quota?.phase ? ` · ${single.quota.phase}` : ''
            }`
          : `${value.namespaces.length} namespaces and vClusters`
      }
    >
      <SourceProblems response={value} kinds={['kubernetes']} />
      {body}
    </InfoCard>
  );
}
