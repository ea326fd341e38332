/***/
/**
 * The tenancy module for @backstage/plugin-scaffolder-backend.
 *
 * @packageDocumentation
 */

export { scaffolderModuleTenancy as default } from './module';
