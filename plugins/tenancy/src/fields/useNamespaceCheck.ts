import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { tenancyApiRef } from '../api/TenancyApi';
import type {
  NamespaceCheckRequest,
  NamespaceCheckResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** How long typing must pause before the backend is asked. */
const DEBOUNCE_MS = 300;

/**
 * Checks the namespace being asked for as the user types (debounced); the
 * answer of the latest input wins. `current` says whether `result` answers
 * the input as it is now (false while a newer input is being checked).
 */
export function useNamespaceCheck(request: Partial<NamespaceCheckRequest>): {
  result?: NamespaceCheckResponse;
  error?: Error;
  checking: boolean;
  current: boolean;
} {
  const tenancyApi = useApi(tenancyApiRef);
  const [state, setState] = useState<{
    key?: string;
    result?: NamespaceCheckResponse;
    error?: Error;
    checking: boolean;
  }>({ checking: false });
  const key = JSON.stringify(request);

  useEffect(() => {
    const input: Partial<NamespaceCheckRequest> = JSON.parse(key);
    const { tenant, environment } = input;
    if (!tenant || !environment) {
      setState({ checking: false });
      return undefined;
    }
    let current = true;
    setState(s => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      const checked: NamespaceCheckRequest = {
        ...input,
        tenant,
        environment,
      };
      tenancyApi.checkNamespace(checked).then(
        result => current && setState({ key, result, checking: false }),
        error => current && setState({ key, error, checking: false }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tenancyApi, key]);
  const { key: answered, ...answer } = state;
  return { ...answer, current: answered === key };
}
