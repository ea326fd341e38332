import { z } from 'zod';
import { parseUpstream } from '../../upstream/parseUpstream';
import { KubernetesBackendClient } from './KubernetesBackendClient';

const PAGE_SIZE = 500;

/**
 * Every item of one cluster's list for all namespaces (e.g.
 * `/api/v1/namespaces`), through the Kubernetes backend's proxy, page by page
 * (500 items a call) following `continue` tokens, each page checked against
 * the list's schema as it arrives; only the items matching `labelSelector`
 * when given.
 */
export async function listAll<Item>(
  kubernetes: KubernetesBackendClient,
  cluster: string,
  path: string,
  schema: z.ZodType<{ metadata?: { continue?: string }; items: Item[] }>,
  what: string,
  labelSelector?: string,
): Promise<Item[]> {
  const items: Item[] = [];
  let next: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (labelSelector) query.set('labelSelector', labelSelector);
    if (next) query.set('continue', next);
    const page = parseUpstream(
      schema,
      await kubernetes.get(cluster, `${path}?${query}`),
      what,
    );
    items.push(...page.items);
    next = page.metadata?.continue || undefined;
  } while (next);
  return items;
}
