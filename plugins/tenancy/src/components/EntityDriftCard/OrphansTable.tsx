import { ButtonLink, Flex, VisuallyHidden } from '@backstage/ui';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { DriftFinding } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ShowMore } from '../shared/ShowMore';
import { useTemplateLink } from '../shared/useTemplateLink';

/**
 * A tenant's orphans, namespaces in its clusters that no file of the GitOps
 * repository describes, each with the adopt-namespace wizard pre-filled to
 * adopt it (a pull request with its bundle rendered from what the cluster
 * has) or to flag it for removal. No actions when the app binds no wizard.
 */
export function OrphansTable(props: {
  orphans: DriftFinding[];
  /** The template both actions open, e.g. `template:default/adopt-namespace`. */
  adoptTemplateRef: string;
}) {
  const { orphans, adoptTemplateRef } = props;
  const templateLink = useTemplateLink();
  return (
    <ShowMore items={orphans} limit={25} noun="orphans">
      {shown => (
        <Table
          size="small"
          aria-label="Namespaces in the cluster but not in Git"
        >
          <TableHead>
            <TableRow>
              <TableCell>Namespace</TableCell>
              <TableCell>Message</TableCell>
              {templateLink && <TableCell>Actions</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(orphan => {
              const { cluster, namespace } = orphan;
              const which = (
                <VisuallyHidden>
                  {' '}
                  {namespace} on {cluster}
                </VisuallyHidden>
              );
              return (
                <TableRow key={`${cluster}/${namespace}`}>
                  <TableCell>
                    {namespace}
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      {cluster}
                    </Typography>
                  </TableCell>
                  <TableCell>{orphan.message}</TableCell>
                  {templateLink && (
                    <TableCell style={{ whiteSpace: 'nowrap' }}>
                      <Flex direction="column" gap="1" align="start">
                        <ButtonLink
                          size="small"
                          variant="secondary"
                          href={templateLink(adoptTemplateRef, {
                            cluster,
                            namespace,
                            action: 'adopt',
                          })}
                        >
                          Adopt{which}
                        </ButtonLink>
                        <ButtonLink
                          size="small"
                          variant="tertiary"
                          href={templateLink(adoptTemplateRef, {
                            cluster,
                            namespace,
                            action: 'remove',
                          })}
                        >
                          Flag for removal{which}
                        </ButtonLink>
                      </Flex>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </ShowMore>
  );
}
