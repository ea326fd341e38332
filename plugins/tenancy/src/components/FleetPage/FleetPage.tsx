import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Container, Flex, Header, Text } from '@backstage/ui';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { CostWindow } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../../api/TenancyApi';
import { CostWindowSelector } from '../shared/CostWindowSelector';
import {
  DEFAULT_QUOTA_THRESHOLDS,
  QuotaThresholds,
} from '../shared/quotaLevel';
import { SourceProblems } from '../shared/SourceProblems';
import { ChargebackCard } from './ChargebackCard';
import { FleetFilter, filterFleet } from './filterFleet';
import { FleetFilters } from './FleetFilters';
import { FleetTable } from './FleetTable';
import { FleetVClustersTable } from './FleetVClustersTable';
import { ProvisioningMetricsCard } from './ProvisioningMetricsCard';
import { VClusterUpgradeCampaignCard } from './VClusterUpgradeCampaignCard';

/**
 * The fleet page: every tenant the user may see, with quota utilisation,
 * cost for the window, Argo CD problems, policy failures and drift; its
 * vClusters with their state and chart version (behind the pinned one
 * marked); filters,
 * search, chargeback by cost center with a CSV download, and provisioning
 * lead times with the slowest open requests. The content under the page header
 * ("Tenants"), which the app's page layout (new frontend system) or
 * `LegacyFleetPage` (legacy system) renders.
 *
 * @public
 */
export function FleetPage(props: { thresholds?: QuotaThresholds }) {
  const thresholds = props.thresholds ?? DEFAULT_QUOTA_THRESHOLDS;
  const api = useApi(tenancyApiRef);
  const [window, setWindow] = useState<CostWindow>('7d');
  const [filter, setFilter] = useState<FleetFilter>({});
  const { value, loading, error } = useAsync(
    () => api.getFleet({ window }),
    [api, window],
  );
  const filtered = useMemo(
    () => (value ? filterFleet(value.items, filter, thresholds) : []),
    [value, filter, thresholds],
  );

  let body;
  if (error) {
    body = (
      <ResponseErrorPanel title="Could not load the tenants" error={error} />
    );
  } else if (!value) {
    body = <Progress />;
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {loading && <LinearProgress aria-label="Loading the tenants" />}
          <SourceProblems
            response={value}
            kinds={[
              'kubernetes',
              'vcluster',
              'argocd',
              'flux',
              'cost',
              'policy',
              'gitops',
            ]}
          />
          <FleetFilters
            items={value.items}
            value={filter}
            onChange={setFilter}
          />
        </Grid>
        <Grid item xs={12}>
          <FleetTable
            items={filtered}
            currency={value.currency}
            window={value.window}
            thresholds={thresholds}
          />
        </Grid>
        <Grid item xs={12}>
          <FleetVClustersTable items={value.vclusters} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ChargebackCard fleet={value} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ProvisioningMetricsCard />
        </Grid>
        <Grid item xs={12}>
          <VClusterUpgradeCampaignCard vclusters={value.vclusters} />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <Header
        title="Fleet"
        description="Every tenant of the platform you may see: quota, cost, deployment state, policy results and drift"
        customActions={
          <Flex align="center" gap="2">
            <Text as="span">Cost window</Text>
            <CostWindowSelector value={window} onChange={setWindow} />
          </Flex>
        }
      />
      <Container>{body}</Container>
    </>
  );
}
