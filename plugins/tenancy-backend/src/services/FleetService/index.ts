export type { FleetService } from './types';
export { DefaultFleetService } from './DefaultFleetService';
