import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CostWindow } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { tenancyApiRef } from '../../api/TenancyApi';

/** The backend's summary of the current entity, for a cost window. */
export function useEntitySummary(window?: CostWindow) {
  const { entity } = useEntity();
  const api = useApi(tenancyApiRef);
  const entityRef = stringifyEntityRef(entity);
  const state = useAsyncRetry(
    () => api.getEntitySummary(entityRef, { window }),
    [api, entityRef, window],
  );
  return { ...state, entity, entityRef };
}
