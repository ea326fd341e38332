import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { NotFoundError, ResponseError } from '@backstage/errors';
import { ObservedNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { z } from 'zod/v3';

const quantities = z.record(z.string());

/** The `ObservedNamespace` of the tenancy API (openapi.yaml), as this module reads it. */
const observedNamespaceSchema: z.ZodType<ObservedNamespace> = z.object({
  cluster: z.string(),
  namespace: z.string(),
  phase: z.string().optional(),
  labels: z.record(z.string()),
  quotas: z.array(z.object({ name: z.string(), hard: quantities })),
  limitRanges: z.array(
    z.object({
      name: z.string(),
      limits: z.array(
        z.object({
          type: z.string(),
          default: quantities.optional(),
          defaultRequest: quantities.optional(),
          min: quantities.optional(),
          max: quantities.optional(),
        }),
      ),
    }),
  ),
  orphan: z.boolean(),
  observedAt: z.string(),
});

/**
 * A namespace as its cluster had it at the tenancy backend's last refresh
 * (`GET /v1/clusters/{cluster}/namespaces/{namespace}/observed`), asked as
 * the requester: the backend answers 404 for a namespace that does not
 * carry the label of a tenant the requester may see.
 */
export async function readObservedNamespace(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  credentials: BackstageCredentials;
  cluster: string;
  namespace: string;
}): Promise<ObservedNamespace> {
  const { discovery, auth, credentials, cluster, namespace } = options;
  const [baseUrl, { token }] = await Promise.all([
    discovery.getBaseUrl('tenancy'),
    auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'tenancy',
    }),
  ]);
  const response = await fetch(
    `${baseUrl}/v1/clusters/${encodeURIComponent(
      cluster,
    )}/namespaces/${encodeURIComponent(namespace)}/observed`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (response.status === 404) {
    throw new NotFoundError(
      `the tenancy backend has not seen namespace ${namespace} on cluster ${cluster} with the tenancy.io/tenant label of a tenant you may see (at its last refresh); nothing was written`,
    );
  }
  if (!response.ok) throw await ResponseError.fromResponse(response);
  const parsed = observedNamespaceSchema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `the tenancy backend answered an observed namespace that is not one: ${
        issue.path.join('.') || '(body)'
      }: ${issue.message}`,
    );
  }
  return parsed.data;
}
