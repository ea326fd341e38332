import type { Entity } from '@backstage/catalog-model';
import {
  ConfigApi,
  configApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import type { ObservabilityLink } from './ObservabilityLinkTemplate';
import { observabilityLinksFor } from './observabilityLinksFor';
import {
  ObservabilityLinkTemplates,
  readObservabilityLinkTemplates,
} from './readObservabilityLinkTemplates';

/** The templates read once per app config, so a refusal is logged once. */
const read = new WeakMap<ConfigApi, ObservabilityLinkTemplates>();

function templatesOf(config: ConfigApi) {
  let result = read.get(config);
  if (!result) {
    result = readObservabilityLinkTemplates(config);
    if (result.problems) {
      // eslint-disable-next-line no-console
      console.error(
        `Observability links are off, the config refuses them:\n${result.problems.join(
          '\n',
        )}`,
      );
    }
    read.set(config, result);
  }
  return result.templates ?? [];
}

/** The observability links of an entity from `tenancy.observability.links`. */
export function useObservabilityLinks(entity: Entity): ObservabilityLink[] {
  const config = useApi(configApiRef);
  return useMemo(
    () => observabilityLinksFor(templatesOf(config), entity),
    [config, entity],
  );
}
