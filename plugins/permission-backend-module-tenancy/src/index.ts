/**
 * The tenancy module for `@backstage/plugin-permission-backend`: the
 * decisions for the tenancy permissions, for your own policy to use, and a
 * ready policy for apps without one.
 *
 * @packageDocumentation
 */

export { permissionModuleTenancy as default } from './module';
export { TenancyPermissions } from './TenancyPermissions';
export type { TenancyPermissionsOptions } from './TenancyPermissions';
export { TenancyPermissionPolicy } from './TenancyPermissionPolicy';
