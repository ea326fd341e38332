import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
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

/**
 * The fleet page: every tenant the user may see, with quota utilisation,
 * cost for the window and Argo CD problems; filters, search, and chargeback
 * by cost center with a CSV download.
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
            kinds={['kubernetes', 'argocd', 'cost']}
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
        <Grid item xs={12} lg={8}>
          <ChargebackCard fleet={value} />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Tenants"
        subtitle="Every tenant of the platform you may see: quota, cost and deployment state"
      />
      <Content>
        <ContentHeader title="Fleet">
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <span>Cost window</span>
            <CostWindowSelector value={window} onChange={setWindow} />
          </Box>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
}
