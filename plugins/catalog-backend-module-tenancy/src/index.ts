/**
 * The tenancy module for `@backstage/plugin-catalog-backend`
 *
 * @packageDocumentation
 */

export { catalogModuleTenancy as default } from './module';
