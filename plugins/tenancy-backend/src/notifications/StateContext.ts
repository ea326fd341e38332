import { TenancyCatalogSnapshot } from '../catalog/TenancyCatalogIndex';
import { FleetData } from '../snapshots/FleetData';
import { EntityApplications } from '../summary/EntityApplications';
import { NotificationOptions } from './readNotificationOptions';
import { NotificationState } from './NotificationState';

/** What each kind of state notification is computed from, after a refresh. */
export interface StateContext {
  catalog: TenancyCatalogSnapshot;
  data: FleetData;
  state: NotificationState;
  options: NotificationOptions;
  applications: EntityApplications;
  now: Date;
}
