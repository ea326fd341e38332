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
import { templateWizardRouteRef } from '../routes';
import { tenantEntity } from './fixtures';

/**
 * Renders an entity card in a test app with a tenancy API and catalog, the
 * entity pages and the template wizard at the scaffolder's paths.
 */
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
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/create/templates/:namespace/:templateName': templateWizardRouteRef,
      },
      apis: [
        [tenancyApiRef, options.api as TenancyApi],
        [catalogApiRef, catalogApiMock({ entities: options.catalogEntities })],
      ],
    },
  );
}
