import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { TenantRequest } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../../api/TenancyApi';
import { ExternalLink } from '../shared/ExternalLink';
import {
  CampaignVCluster,
  UpgradeProgress,
  UpgradeStage,
  vclusterUpgradeProgress,
} from './vclusterUpgradeProgress';

const STAGES: Record<UpgradeStage, string> = {
  waiting: 'not requested yet',
  open: 'open',
  merged: 'merged',
  synced: 'synced',
  failed: 'failed',
};

const columns: TableColumn<UpgradeProgress & { id: string }>[] = [
  {
    title: 'vCluster',
    field: 'vcluster.name',
    render: p => (
      <EntityRefLink
        entityRef={{
          kind: 'resource',
          namespace: 'default',
          name: p.vcluster.name,
        }}
      />
    ),
  },
  { title: 'Environment', field: 'vcluster.environment', emptyValue: '–' },
  {
    title: 'Deployed chart',
    field: 'vcluster.state.chartVersion',
    emptyValue: '–',
  },
  {
    title: 'Upgrade',
    field: 'stage',
    render: p => (
      <Flex direction="column" gap="1">
        <Text>{STAGES[p.stage]}</Text>
        {p.request && (
          <ExternalLink href={p.request.url}>
            #{p.request.number} {p.request.title}
          </ExternalLink>
        )}
      </Flex>
    ),
  },
];

/**
 * The vCluster upgrade campaign on the fleet page: how many vClusters behind
 * the pinned chart version have an open, merged, synced or failed upgrade
 * request (opened by the `vcluster-upgrade` template) or none yet, from the
 * fleet's vClusters and their tenants' requests
 * (`GET /v1/entities/tenant/…/requests`). Nothing when every vCluster is
 * current and no request moved one; a failure shows in the card.
 */
export function VClusterUpgradeCampaignCard(props: {
  vclusters: CampaignVCluster[];
}) {
  const api = useApi(tenancyApiRef);
  const { vclusters } = props;
  const { value, error } = useAsync(async () => {
    const tenants = [...new Set(vclusters.map(v => v.tenant))];
    const requests = new Map<string, TenantRequest[]>(
      await Promise.all(
        tenants.map(
          async t => [t, (await api.getTenantRequests(t)).items] as const,
        ),
      ),
    );
    return vclusterUpgradeProgress(vclusters, t => requests.get(t) ?? []);
  }, [api, vclusters]);

  if (value && !value.items.length) return null;
  let body;
  if (error) {
    // Text rather than an error panel: its heading would break the page's
    // heading order below the card's title.
    body = <Text>Could not load the upgrade requests: {error.message}</Text>;
  } else if (!value) {
    body = <Progress />;
  } else {
    const count = (stage: UpgradeStage) =>
      value.items.filter(p => p.stage === stage).length;
    body = (
      <Flex direction="column" gap="3">
        <Text>
          {(Object.keys(STAGES) as UpgradeStage[])
            .map(stage => `${count(stage)} ${STAGES[stage]}`)
            .join(' · ')}
        </Text>
        <Table<UpgradeProgress & { id: string }>
          title={`vClusters of the campaign (${value.items.length})`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={value.items.map(p => ({ ...p, id: p.vcluster.name }))}
        />
      </Flex>
    );
  }
  return (
    <InfoCard
      title={`vCluster upgrade to chart ${
        value?.pinned ?? 'the pinned version'
      }`}
    >
      {body}
    </InfoCard>
  );
}
