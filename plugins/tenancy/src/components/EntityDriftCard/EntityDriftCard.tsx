import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { listNames } from '../shared/listNames';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';
import { DriftFindingsTable } from './DriftFindingsTable';
import { gitOpsFolderUrl } from './gitOpsFolderUrl';
import { OrphansTable } from './OrphansTable';
import { useNamespaceEntities } from './useNamespaceEntities';

/**
 * Drift between the GitOps repository's default branch and the clusters: on
 * a namespace or vCluster its differences, on a Tenant those of all its
 * namespaces and its orphans (namespaces with its label that Git does not
 * describe), each of which can be adopted or flagged for removal through a
 * pull request.
 *
 * @public
 */
export function EntityDriftCard(props: {
  /** The template of "Adopt" and "Flag for removal", default `template:default/adopt-namespace`. */
  adoptTemplateRef?: string;
}) {
  const { value, error, entity } = useEntitySummary();
  const isTenant = isTenantEntity(entity);
  const computed = value?.namespaces.filter(ns => ns.drift) ?? [];
  const namespaceEntities = useNamespaceEntities(
    computed.filter(ns => ns.drift?.some(d => d.path)).map(ns => ns.entityRef),
  );
  const title = 'Drift from Git';

  if (error) {
    return (
      <ResponseErrorPanel title="Could not load the drift" error={error} />
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }

  const rows = computed.flatMap(ns =>
    (ns.drift ?? []).map(finding => ({
      finding,
      folderUrl: finding.path
        ? gitOpsFolderUrl(namespaceEntities.get(ns.entityRef), finding.path)
        : undefined,
    })),
  );
  const orphans = value.orphans ?? [];
  const notComputed = value.namespaces.filter(ns => !ns.drift);
  const isComputed = isTenant
    ? value.totals.drift !== undefined
    : computed.length > 0;
  const gitops = value.sources.find(s => s.kind === 'gitops');

  let body;
  if (!isComputed) {
    body = (
      <Typography variant="body2">
        Drift not computed: the GitOps repository or the cluster has not been
        read yet.
      </Typography>
    );
  } else if (rows.length === 0 && orphans.length === 0) {
    body = <Typography variant="body2">Git and the cluster agree.</Typography>;
  } else {
    body = (
      <>
        {rows.length > 0 && (
          <DriftFindingsTable rows={rows} namespaceColumn={isTenant} />
        )}
        {orphans.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle2" component="h3">
              In the cluster, not in Git
            </Typography>
            <OrphansTable
              orphans={orphans}
              adoptTemplateRef={
                props.adoptTemplateRef ?? 'template:default/adopt-namespace'
              }
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
        gitops?.lastSuccessAt
          ? `Compared with the GitOps repository as read at ${new Date(
              gitops.lastSuccessAt,
            ).toLocaleString()}`
          : undefined
      }
    >
      <SourceProblems response={value} kinds={['gitops', 'kubernetes']} />
      {body}
      {isComputed && isTenant && notComputed.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Drift not computed for{' '}
          {listNames(notComputed.map(ns => ns.namespace))}.
        </Typography>
      )}
    </InfoCard>
  );
}
