import { createRouteRef } from '@backstage/frontend-plugin-api';

/** Route of the fleet page. */
export const rootRouteRef = createRouteRef();
