import { useApi } from '@backstage/core-plugin-api';
import { NamespaceCheckResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useEffect, useState } from 'react';
import { tenancyApiRef } from '../api/TenancyApi';

/** How long typing must pause before the backend is asked. */
const DEBOUNCE_MS = 300;

/**
 * Checks the namespace being asked for as the user types (debounced); the
 * answer of the latest input wins.
 */
export function useNamespaceCheck(request: {
  tenant?: string;
  environment?: string;
  cluster?: string;
  name?: string;
  quota?: Record<string, string>;
}): { result?: NamespaceCheckResponse; error?: Error; checking: boolean } {
  const tenancyApi = useApi(tenancyApiRef);
  const [state, setState] = useState<{
    result?: NamespaceCheckResponse;
    error?: Error;
    checking: boolean;
  }>({ checking: false });
  const key = JSON.stringify(request);

  useEffect(() => {
    const { tenant, environment } = JSON.parse(key);
    if (!tenant || !environment) {
      setState({ checking: false });
      return undefined;
    }
    let current = true;
    setState(s => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      tenancyApi.checkNamespace(JSON.parse(key)).then(
        result => current && setState({ result, checking: false }),
        error => current && setState({ error, checking: false }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tenancyApi, key]);
  return state;
}
