import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { TenantRequest } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../../api/TenancyApi';

const STATE_COLOURS: Record<TenantRequest['state'], 'primary' | 'default'> = {
  open: 'primary',
  merged: 'default',
  closed: 'default',
};

/**
 * The tenant's provisioning requests: open ones first, then the most recent
 * merged or closed ones, each with its state and a link to the pull request.
 */
export function TenantRequestsList(props: {
  tenantRef: string;
  maxClosed?: number;
}) {
  const api = useApi(tenancyApiRef);
  const { value, loading, error } = useAsync(
    () => api.getTenantRequests(props.tenantRef),
    [api, props.tenantRef],
  );
  if (loading) return <Progress />;
  if (error || value?.error) {
    return (
      <Typography variant="body2" color="error">
        Could not read the requests: {error?.message ?? value?.error}
      </Typography>
    );
  }
  if (!value?.configured) {
    return (
      <Typography variant="body2" color="textSecondary">
        No GitOps repository is configured for requests.
      </Typography>
    );
  }
  const open = value.items.filter(r => r.state === 'open');
  const done = value.items
    .filter(r => r.state !== 'open')
    .slice(0, props.maxClosed ?? 3);
  if (open.length + done.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No requests yet.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Provisioning requests">
      {[...open, ...done].map(r => (
        <ListItem key={r.number} disableGutters>
          <ListItemText
            primary={
              <>
                <Chip
                  size="small"
                  label={r.state}
                  color={STATE_COLOURS[r.state]}
                  style={{ marginRight: 8 }}
                />
                <Link to={r.url}>
                  #{r.number} {r.title}
                </Link>
              </>
            }
            secondary={`${r.branch}${
              r.updatedAt
                ? ` · updated ${new Date(r.updatedAt).toLocaleString()}`
                : ''
            }`}
          />
        </ListItem>
      ))}
    </List>
  );
}
