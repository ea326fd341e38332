export { FleetPage } from './FleetPage';
export { LegacyFleetPage } from './LegacyFleetPage';
