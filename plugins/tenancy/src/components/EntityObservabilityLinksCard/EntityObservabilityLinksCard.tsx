import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import DashboardIcon from '@material-ui/icons/Dashboard';
import LinkIcon from '@material-ui/icons/Link';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import SubjectIcon from '@material-ui/icons/Subject';
import {
  ObservabilityLinkKind,
  useObservabilityLinks,
} from '../../observability';
import { ExternalLink } from '../shared/ExternalLink';

const ICONS: Record<ObservabilityLinkKind, typeof LinkIcon> = {
  dashboard: DashboardIcon,
  logs: SubjectIcon,
  alerts: NotificationsActiveIcon,
  other: LinkIcon,
};

/**
 * The dashboards, logs and alerts of a Tenant, namespace or vCluster: the
 * templates of `tenancy.observability.links` filled from the entity. Renders
 * nothing when no template yields a link. The entity's own `metadata.links`
 * are the catalog's links card's, not this one's.
 *
 * @public
 */
export function EntityObservabilityLinksCard() {
  const { entity } = useEntity();
  const links = useObservabilityLinks(entity);
  if (!links.length) return null;
  return (
    <InfoCard title="Observability">
      <List dense aria-label="Observability links">
        {links.map(link => {
          const Icon = ICONS[link.kind];
          return (
            <ListItem key={`${link.kind} ${link.title} ${link.url}`}>
              <ListItemIcon>
                <Icon titleAccess={link.kind} />
              </ListItemIcon>
              <ListItemText
                primary={
                  <ExternalLink href={link.url}>{link.title}</ExternalLink>
                }
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}
