import { PluginHeader } from '@backstage/ui';
import GroupWorkIcon from '@material-ui/icons/GroupWork';
import { QuotaThresholds } from '../shared/quotaLevel';
import { FleetPage } from './FleetPage';

/**
 * The fleet page for apps on the legacy frontend system, which have no page
 * layout of their own: the plugin header the new system's `page:tenancy`
 * gets from its title and icon, over the same page.
 */
export function LegacyFleetPage(props: { thresholds?: QuotaThresholds }) {
  return (
    <main>
      <PluginHeader title="Tenants" icon={<GroupWorkIcon />} />
      <FleetPage thresholds={props.thresholds} />
    </main>
  );
}
