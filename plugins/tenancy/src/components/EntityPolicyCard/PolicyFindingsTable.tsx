import { Link } from '@backstage/ui';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  NamespaceSummary,
  PolicyFinding,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ShowMore } from '../shared/ShowMore';
import { useKubernetesTabLink } from '../shared/useKubernetesTabLink';
import { PolicyResult } from './PolicyResult';

/** A finding and the namespace (or vCluster) it was reported in. */
export interface PolicyRow {
  finding: PolicyFinding;
  namespace: NamespaceSummary;
}

/**
 * Failing, erroring and warning policy results in the order given, each
 * with its object linked to the Kubernetes tab of its namespace's page.
 */
export function PolicyFindingsTable(props: {
  rows: PolicyRow[];
  /** Show the namespace of each row (a Tenant's page). */
  namespaceColumn: boolean;
}) {
  const { rows, namespaceColumn } = props;
  const kubernetesTabLink = useKubernetesTabLink();
  return (
    <ShowMore items={rows} limit={25} noun="findings">
      {shown => (
        <Table size="small" aria-label="Policy findings, worst first">
          <TableHead>
            <TableRow>
              <TableCell>Result</TableCell>
              <TableCell>Policy</TableCell>
              <TableCell>Object</TableCell>
              {namespaceColumn && <TableCell>Namespace</TableCell>}
              <TableCell>Message</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(({ finding, namespace }, i) => (
              <TableRow key={`${namespace.entityRef}:${i}`}>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <PolicyResult result={finding.result} />
                  {finding.severity && (
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      severity {finding.severity}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {finding.policy}
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    {finding.rule ? `rule ${finding.rule} · ` : ''}
                    {finding.source}
                  </Typography>
                </TableCell>
                <TableCell>
                  {finding.resource ? (
                    <Link
                      href={kubernetesTabLink(namespace.entityRef)}
                      title={`Open the Kubernetes tab of ${namespace.namespace}`}
                    >
                      {finding.resource.kind}/{finding.resource.name}
                    </Link>
                  ) : (
                    '—'
                  )}
                </TableCell>
                {namespaceColumn && (
                  <TableCell>
                    {namespace.namespace}
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      {namespace.cluster}
                    </Typography>
                  </TableCell>
                )}
                <TableCell>{finding.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ShowMore>
  );
}
