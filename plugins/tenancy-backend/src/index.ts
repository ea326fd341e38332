export { tenancyPlugin as default } from './plugin';
