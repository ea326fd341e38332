import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { TenantRequest } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { tenancyApiRef } from '../../api/TenancyApi';
import { ExternalLink } from '../shared/ExternalLink';

const STATE_COLOURS: Record<TenantRequest['state'], 'primary' | 'default'> = {
  open: 'primary',
  merged: 'default',
  closed: 'default',
};

/** Who asked (as the catalog presents the user) and when, under a request. */
function RequestDetails(props: { request: TenantRequest }) {
  const r = props.request;
  const parts = [];
  if (r.createdAt) parts.push(new Date(r.createdAt).toLocaleString());
  if (r.updatedAt && r.updatedAt !== r.createdAt) {
    parts.push(`updated ${new Date(r.updatedAt).toLocaleString()}`);
  }
  parts.push(r.branch);
  return (
    <>
      {r.requestedBy && (
        <>
          asked by{' '}
          <EntityDisplayName
            entityRef={r.requestedBy}
            defaultKind="user"
            hideIcon
            disableTooltip
          />
          {' · '}
        </>
      )}
      {parts.join(' · ')}
    </>
  );
}

/**
 * The tenant's provisioning requests, open ones first and then the most
 * recent merged or closed ones, each with its state, a link to the pull
 * request, who asked and when: the newest `max` (default 5), with a button to
 * show the rest. Read again every `refreshMs` (default 15 s, the backend's
 * reuse of a tenant's list) while shown, so a request opened in the wizard
 * appears without a reload.
 */
export function TenantRequestsList(props: {
  tenantRef: string;
  max?: number;
  refreshMs?: number;
}) {
  const api = useApi(tenancyApiRef);
  const [showAll, setShowAll] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTenantRequests(props.tenantRef),
    [api, props.tenantRef],
  );
  useInterval(retry, props.refreshMs ?? 15_000);
  if (loading && !value) return <Progress />;
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
  const ordered = [
    ...value.items.filter(r => r.state === 'open'),
    ...value.items.filter(r => r.state !== 'open'),
  ];
  const max = props.max ?? 5;
  const shown = showAll ? ordered : ordered.slice(0, max);
  if (ordered.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No requests yet.
      </Typography>
    );
  }
  return (
    <>
      <List dense disablePadding aria-label="Provisioning requests">
        {shown.map(r => (
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
                  <ExternalLink href={r.url}>
                    #{r.number} {r.title}
                  </ExternalLink>
                </>
              }
              secondary={<RequestDetails request={r} />}
            />
          </ListItem>
        ))}
      </List>
      {ordered.length > max && (
        <Button size="small" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${ordered.length} requests`}
        </Button>
      )}
    </>
  );
}
