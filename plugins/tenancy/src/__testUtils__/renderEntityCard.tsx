import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ReactElement } from 'react';
import { TenancyApi, tenancyApiRef } from '../api/TenancyApi';
import { tenantEntity } from './fixtures';

/** Renders an entity card in a test app with a tenancy API and catalog. */
export function renderEntityCard(
  card: ReactElement,
  options: {
    api: Partial<TenancyApi>;
    entity?: Entity;
    catalogEntities?: Entity[];
  },
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? tenantEntity}>
      {card}
    </EntityProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [tenancyApiRef, options.api as TenancyApi],
        [catalogApiRef, catalogApiMock({ entities: options.catalogEntities })],
      ],
    },
  );
}
