import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { TenancyApiComponents } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../../api/TenancyApi';
import { ExternalLink } from '../shared/ExternalLink';
import { formatAge } from '../shared/formatAge';
import { LeadTimeChart } from './LeadTimeChart';

type Schemas = TenancyApiComponents['schemas'];
type OpenRequest = Schemas['OpenProvisioningRequest'] & { id: string };
type RequestTimes = Schemas['ProvisioningRequestTimes'];

/** The latest merged requests shown with their lead times. */
const LATEST = 5;

function leadTimeOf(r: RequestTimes) {
  const merged = `merged after ${formatAge(r.toMergedSeconds!)}`;
  if (r.toReadySeconds !== undefined) {
    return `${merged}, ready after ${formatAge(r.toReadySeconds)}`;
  }
  return r.kind === 'create' ? `${merged}, not ready yet` : merged;
}

function distribution(label: string, d: Schemas['LeadTimeDistribution']) {
  if (!d.count || d.medianSeconds === undefined) return `${label}: none yet`;
  return `${label}: median ${formatAge(d.medianSeconds)}, p90 ${formatAge(
    d.p90Seconds!,
  )}, slowest ${formatAge(d.maxSeconds!)} (${d.count})`;
}

function slaSentence(sla: Schemas['ProvisioningSla']) {
  if (!sla.measured || sla.share === undefined) {
    return `No namespace or vCluster merged yet to measure against the ${sla.targetMinutes} min target.`;
  }
  return `${Math.round(sla.share * 100)}% ready within ${
    sla.targetMinutes
  } min of merge (${sla.withinTarget} of ${sla.measured}).`;
}

const columns: TableColumn<OpenRequest>[] = [
  {
    title: 'Request',
    field: 'title',
    render: r => (
      <Flex direction="column" gap="1">
        <ExternalLink href={r.url}>
          #{r.number} {r.title}
        </ExternalLink>
        {r.refusal && (
          <Text variant="body-small">Needs a person: {r.refusal}</Text>
        )}
      </Flex>
    ),
  },
  {
    title: 'Tenant',
    field: 'tenant',
    render: r => <EntityRefLink entityRef={r.tenant} />,
  },
  { title: 'Environment', field: 'environment', emptyValue: '–' },
  {
    title: 'Open for',
    field: 'ageSeconds',
    type: 'numeric',
    render: r => formatAge(r.ageSeconds),
  },
];

/**
 * Provisioning at a glance for the fleet page: the SLA share, lead times to
 * merge and to ready, a chart of lead time per week, the latest merged
 * requests with their own lead times, and the slowest open requests (`GET /v1/provisioning/metrics`). A failure shows in the card,
 * not on the page.
 */
export function ProvisioningMetricsCard() {
  const api = useApi(tenancyApiRef);
  const { value, error } = useAsync(() => api.getProvisioningMetrics(), [api]);

  let body;
  if (error) {
    body = (
      <ResponseErrorPanel
        title="Could not load the provisioning metrics"
        error={error}
      />
    );
  } else if (!value) {
    body = <Progress />;
  } else {
    const { leadTimes } = value;
    const weeks = value.byWeek.filter(w => w.leadTimes.toReady.count > 0);
    const latest = value.requests
      .filter(r => r.toMergedSeconds !== undefined)
      .slice(0, LATEST);
    body = (
      <Flex direction="column" gap="3">
        <Text>{slaSentence(value.sla)}</Text>
        <Text variant="body-small">
          {distribution('Opened to ready', leadTimes.toReady)}
          <br />
          {distribution('Opened to merged', leadTimes.toMerged)}
        </Text>
        {weeks.length > 0 && <LeadTimeChart weeks={weeks} />}
        {latest.length > 0 && (
          <Flex direction="column" gap="1">
            <Text weight="bold">Latest merged requests</Text>
            {latest.map(r => (
              <Text key={r.url} variant="body-small">
                <ExternalLink href={r.url}>
                  #{r.number} {r.title}
                </ExternalLink>
                : {leadTimeOf(r)}
              </Text>
            ))}
          </Flex>
        )}
        <Table<OpenRequest>
          title={`Slowest open requests (${value.openCount})`}
          options={{
            paging: false,
            search: false,
            padding: 'dense',
          }}
          columns={columns}
          data={value.open.map(r => ({ ...r, id: String(r.number) }))}
          emptyContent={<Text>No request is waiting for review.</Text>}
        />
      </Flex>
    );
  }
  return (
    <InfoCard
      title="Provisioning"
      subheader="Requests of the tenants you may see, last 12 weeks"
    >
      {body}
    </InfoCard>
  );
}
