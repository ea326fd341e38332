import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ButtonLink } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  isTenantEntity,
  PolicyResultCounts,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { listNames } from '../shared/listNames';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';
import { useTemplateLink } from '../shared/useTemplateLink';
import { PolicyFindingsTable } from './PolicyFindingsTable';
import { worstFirst } from './worstFirst';

function countsText(counts: PolicyResultCounts): string {
  return `${counts.pass} pass · ${counts.fail} fail · ${counts.warn} warn · ${counts.error} error`;
}

/**
 * Policy report results (Kyverno, ValidatingAdmissionPolicy, Gatekeeper…)
 * of a namespace or vCluster, or of every namespace of a Tenant: counts by
 * result and the failing, erroring and warning results, worst first, each
 * linked to its object. On a Tenant, a link to request a registry exception.
 *
 * @public
 */
export function EntityPolicyCard(props: {
  /** The template of "Request a registry exception", default `template:default/tenant-exception`. */
  exceptionTemplateRef?: string;
}) {
  const { value, error, entity, entityRef } = useEntitySummary();
  const templateLink = useTemplateLink();
  const isTenant = isTenantEntity(entity);
  const title = 'Policy results';

  if (error) {
    return (
      <ResponseErrorPanel
        title="Could not load the policy results"
        error={error}
      />
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }

  const reported = value.namespaces.flatMap(namespace =>
    namespace.policy ? [{ namespace, policy: namespace.policy }] : [],
  );
  const unreported = value.namespaces.filter(ns => !ns.policy);
  const counts = isTenant ? value.totals.policy : reported[0]?.policy.counts;
  const rows = worstFirst(
    reported.map(({ namespace, policy }) =>
      policy.findings.map(finding => ({ finding, namespace })),
    ),
    row => row.finding,
  );
  const omitted = reported.reduce((n, { policy }) => n + policy.omitted, 0);

  let body;
  if (value.namespaces.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No namespaces yet"
        description="Policy results show here once the tenant has namespaces."
      />
    );
  } else if (reported.length === 0) {
    body = (
      <Typography variant="body2">
        No policy data: no policy report source covers{' '}
        {isTenant ? "this tenant's clusters" : 'this cluster'}, or it has not
        answered.
      </Typography>
    );
  } else {
    body = (
      <>
        {rows.length === 0 ? (
          <Typography variant="body2">No failing policies.</Typography>
        ) : (
          <PolicyFindingsTable rows={rows} namespaceColumn={isTenant} />
        )}
        {omitted > 0 && (
          <Typography variant="body2">
            {omitted} more finding{omitted > 1 ? 's' : ''} not listed (at most
            50 per namespace are).
          </Typography>
        )}
        {isTenant && unreported.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            No policy data for {listNames(unreported.map(ns => ns.namespace))}.
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard title={title} subheader={counts ? countsText(counts) : undefined}>
      <SourceProblems response={value} kinds={['policy']} />
      {body}
      {isTenant && templateLink && (
        <Box mt={2}>
          <ButtonLink
            variant="secondary"
            href={templateLink(
              props.exceptionTemplateRef ?? 'template:default/tenant-exception',
              { tenant: entityRef },
            )}
          >
            Request a registry exception
          </ButtonLink>
        </Box>
      )}
    </InfoCard>
  );
}
