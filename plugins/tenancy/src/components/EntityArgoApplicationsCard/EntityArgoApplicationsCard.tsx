import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ApplicationsTable } from '../shared/ApplicationsTable';
import { fluxObjectsOf } from '../shared/fluxObjectsOf';
import { FluxObjectsTable } from '../shared/FluxObjectsTable';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';

/**
 * The Argo CD applications deploying into a namespace or vCluster, or into
 * any namespace of a Tenant, with sync and health state; and, for
 * namespaces on Flux clusters, the Flux Kustomizations and HelmReleases
 * deploying into them with their `Ready` state. The title names the engines
 * present.
 *
 * @public
 */
export function EntityArgoApplicationsCard() {
  const { value, error } = useEntitySummary();
  if (error) {
    return (
      <ResponseErrorPanel
        title="Could not load the Argo CD applications"
        error={error}
      />
    );
  }
  if (!value) {
    return (
      <InfoCard title="Argo CD applications">
        <Progress />
      </InfoCard>
    );
  }
  const applications = value.namespaces.flatMap(ns => ns.applications);
  const flux = fluxObjectsOf(value.namespaces);
  const argo = applications.length > 0 || value.otherApplications.length > 0;
  const { total, outOfSync, degraded, progressing } = value.totals.applications;
  const fluxNotReady = flux.filter(r => r.reconciler.state !== 'ready').length;
  const fluxFailed = flux.filter(r => r.reconciler.state === 'failed').length;
  const subheaders = [
    ...(argo || flux.length === 0
      ? [
          `${total} in total · ${outOfSync} out of sync · ${degraded} degraded · ${progressing} progressing`,
        ]
      : []),
    ...(flux.length > 0
      ? [
          `${flux.length} Flux object${
            flux.length === 1 ? '' : 's'
          } · ${fluxNotReady} not ready · ${fluxFailed} failed`,
        ]
      : []),
  ];
  let title = 'Argo CD applications';
  if (flux.length > 0) {
    title = argo ? 'Argo CD applications and Flux objects' : 'Flux objects';
  }
  return (
    <InfoCard title={title} subheader={subheaders.join(' — ')}>
      <SourceProblems response={value} kinds={['argocd', 'flux']} />
      {(argo || flux.length === 0) && (
        <ApplicationsTable
          applications={applications}
          caption="Argo CD applications in these namespaces"
        />
      )}
      {flux.length > 0 && (
        <Box mt={argo ? 2 : 0}>
          <FluxObjectsTable
            rows={flux}
            caption="Flux objects deploying into these namespaces"
          />
        </Box>
      )}
      {value.otherApplications.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Also of this tenant, deploying elsewhere (e.g. into a vCluster)
          </Typography>
          <ApplicationsTable
            applications={value.otherApplications}
            caption="Argo CD applications of this tenant deploying elsewhere"
          />
        </Box>
      )}
    </InfoCard>
  );
}
