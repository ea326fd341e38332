export { EntityArgoApplicationsCard } from './EntityArgoApplicationsCard';
