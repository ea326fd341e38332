import { Link } from '@backstage/ui';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { FluxObjectRow } from './fluxObjectsOf';
import { ReconcilerStateStatus } from './ReconcilerStateStatus';
import { ShowMore } from './ShowMore';
import { shortRevision } from './shortRevision';
import { useKubernetesTabLink } from './useKubernetesTabLink';

/**
 * Flux Kustomizations and HelmReleases with their `Ready` state, applied
 * revision, message and last change; those living in the namespace they
 * deploy into are linked to its Kubernetes tab.
 */
export function FluxObjectsTable(props: {
  rows: FluxObjectRow[];
  caption: string;
}) {
  const { rows, caption } = props;
  const kubernetesTab = useKubernetesTabLink();
  return (
    <ShowMore items={rows} limit={25} noun="Flux objects">
      {shown => (
        <Table size="small" aria-label={caption}>
          <TableHead>
            <TableRow>
              <TableCell>Flux object</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Revision</TableCell>
              <TableCell>Message</TableCell>
              <TableCell>Last change</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(({ reconciler: r, entityRef, inNamespace }) => (
              <TableRow
                key={`${r.cluster}/${r.namespace ?? ''}/${r.kind}/${r.name}`}
              >
                <TableCell>
                  {inNamespace ? (
                    <Link
                      href={kubernetesTab(entityRef)}
                      title={`Open the Kubernetes tab of ${entityRef}`}
                    >
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    Flux {r.kind} · {r.cluster} · {r.namespace}
                  </Typography>
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <ReconcilerStateStatus state={r.state} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {r.revision ? shortRevision(r.revision) : '—'}
                </TableCell>
                <TableCell>{r.message ?? '—'}</TableCell>
                <TableCell>
                  {r.lastTransitionAt
                    ? new Date(r.lastTransitionAt).toLocaleString()
                    : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ShowMore>
  );
}
