import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { CostWindow } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useState } from 'react';
import { CostWindowSelector } from '../shared/CostWindowSelector';
import { formatCost } from '../shared/formatCost';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';
import { CostBreakdownTable } from './CostBreakdownTable';
import { CostTrendChart } from './CostTrendChart';
import { NamespaceCostTable } from './NamespaceCostTable';

/**
 * Cost of a Tenant, namespace or vCluster from Kubecost or OpenCost: window
 * selector, total, breakdown, daily trend, efficiency and, for a tenant, the
 * cost per namespace.
 *
 * @public
 */
export function EntityCostCard(props: { defaultWindow?: CostWindow }) {
  const [window, setWindow] = useState<CostWindow>(props.defaultWindow ?? '7d');
  const { value, loading, error } = useEntitySummary(window);

  const selector = <CostWindowSelector value={window} onChange={setWindow} />;
  let body;
  if (error) {
    body = <ResponseErrorPanel title="Could not load the cost" error={error} />;
  } else if (!value) {
    body = <Progress />;
  } else {
    const cost = value.totals.cost;
    body = (
      <>
        {loading && <LinearProgress aria-label="Loading the cost" />}
        <SourceProblems response={value} kinds={['cost']} />
        {!cost ? (
          <EmptyState
            missing="data"
            title="No cost data"
            description={
              value.namespaces.length === 0
                ? 'There are no namespaces to cost yet.'
                : 'No configured cost source (Kubecost or OpenCost) covers the clusters of these namespaces, or it has not answered yet.'
            }
          />
        ) : (
          <Grid container spacing={2}>
            <Grid item xs={12} lg={5}>
              <Typography variant="overline" component="p">
                Total, last {cost.window}
              </Typography>
              <Typography variant="h4" component="p" data-testid="cost-total">
                {formatCost(cost.total, cost.currency)}
              </Typography>
              <Typography variant="body2" color="textSecondary" gutterBottom>
                {cost.efficiency === undefined
                  ? 'Efficiency: not reported by the cost source'
                  : `Efficiency: ${Math.round(
                      cost.efficiency * 100,
                    )}% of the requested CPU and RAM was used`}
              </Typography>
              <CostBreakdownTable
                breakdown={cost.breakdown}
                total={cost.total}
                currency={cost.currency}
              />
            </Grid>
            <Grid item xs={12} lg={7}>
              <Typography variant="overline" component="p">
                Daily cost
              </Typography>
              <CostTrendChart daily={cost.daily} currency={cost.currency} />
            </Grid>
            {value.namespaces.length > 1 && (
              <Grid item xs={12}>
                <NamespaceCostTable
                  namespaces={value.namespaces}
                  total={cost.total}
                  currency={cost.currency}
                />
              </Grid>
            )}
          </Grid>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Cost" action={<Box mt={1}>{selector}</Box>}>
      {body}
    </InfoCard>
  );
}
