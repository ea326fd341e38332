import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * The path of the Kubernetes plugin's entity tab (`entity-content:kubernetes/kubernetes`
 * at `<entity page>/kubernetes`), where a namespace's objects are listed.
 */
const KUBERNETES_TAB = 'kubernetes';

/** Links to the Kubernetes tab of a namespace or vCluster entity's page. */
export function useKubernetesTabLink(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return entityRef =>
    `${entityRoute(entityRouteParams(entityRef))}/${KUBERNETES_TAB}`;
}
