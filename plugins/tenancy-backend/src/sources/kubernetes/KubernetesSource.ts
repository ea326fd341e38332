import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  Observable,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import { KubernetesClusterConfig } from '../../config/readKubernetesClusters';
import { callWithRetries, CallPolicy } from '../../upstream/callWithRetries';
import { parseUpstream } from '../../upstream/parseUpstream';
import { UpstreamError } from '../../upstream/UpstreamError';
import { KubernetesSnapshot, Source } from '../types';
import {
  limitRangeListSchema,
  namespaceListSchema,
  resourceQuotaListSchema,
} from './kubernetesSchemas';

const PAGE_SIZE = 500;

type ListCall = (
  api: CoreV1Api,
  page: { limit: number; _continue?: string },
  options: object,
) => Promise<unknown>;

/** The Kubernetes Status message of a failed call: the body is text or already parsed. */
function statusMessage(body: unknown): string {
  if (body && typeof body === 'object') {
    const message = (body as { message?: unknown }).message;
    return typeof message === 'string' ? message : '';
  }
  const text = typeof body === 'string' ? body : '';
  try {
    return statusMessage(JSON.parse(text));
  } catch {
    return text.slice(0, 300);
  }
}

function apiError(error: unknown): unknown {
  if (!(error instanceof ApiException)) return error;
  // Without a Status body, client-node's own message has a "Message:" line.
  const message =
    statusMessage(error.body) ||
    (/^Message: (.*)$/m.exec(error.message)?.[1] ?? '');
  return new UpstreamError(`HTTP ${error.code}: ${message}`, error.code);
}

/**
 * One cluster's namespaces, ResourceQuotas and LimitRanges, each listed once
 * for all namespaces (in pages of 500) through `@kubernetes/client-node`.
 */
export class KubernetesSource implements Source<'kubernetes'> {
  readonly kind = 'kubernetes' as const;
  readonly id: string;
  readonly name: string;
  private readonly api: CoreV1Api;

  constructor(
    cluster: KubernetesClusterConfig,
    private readonly policy: CallPolicy,
  ) {
    this.id = `kubernetes:${cluster.name}`;
    this.name = cluster.name;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: cluster.name,
          server: cluster.url,
          caData: cluster.caData,
          skipTLSVerify: cluster.skipTLSVerify,
        },
      ],
      users: [{ name: 'backstage', token: cluster.serviceAccountToken }],
      contexts: [{ name: 'default', cluster: cluster.name, user: 'backstage' }],
      currentContext: 'default',
    });
    this.api = kc.makeApiClient(CoreV1Api);
  }

  /**
   * One page of a list, with the attempt's abort signal on the request: the
   * JSON the API server sent, not the library's model of it.
   *
   * `@kubernetes/client-node` renames fields of its models that clash with
   * TypeScript words (a LimitRange item's `default` becomes `_default`, a
   * list's `metadata.continue` becomes `_continue`), and a schema written
   * against the API would silently miss them. So the response body is kept as
   * it came, by a middleware that hands the library a copy, and the schemas of
   * `kubernetesSchemas.ts` parse it, as the contract examples show it.
   */
  private listPage(call: ListCall, cont: string | undefined) {
    return callWithRetries(async signal => {
      let body: string | undefined;
      const options = {
        middleware: [
          {
            pre: (ctx: RequestContext) => {
              ctx.setSignal(signal);
              return new Observable(Promise.resolve(ctx));
            },
            post: (ctx: ResponseContext) =>
              new Observable(
                ctx.body.text().then(text => {
                  body = text;
                  return new ResponseContext(ctx.httpStatusCode, ctx.headers, {
                    text: async () => text,
                    binary: async () => Buffer.from(text, 'utf8'),
                  });
                }),
              ),
          },
        ],
        middlewareMergeStrategy: 'append',
      };
      try {
        await call(this.api, { limit: PAGE_SIZE, _continue: cont }, options);
      } catch (error) {
        throw apiError(error);
      }
      try {
        return JSON.parse(body ?? '') as unknown;
      } catch {
        throw new UpstreamError('the response is not JSON', undefined, false);
      }
    }, this.policy);
  }

  /** All pages of a list, following `continue` tokens. */
  private async listAll(call: ListCall): Promise<unknown[]> {
    const pages: unknown[] = [];
    let next: string | undefined;
    do {
      const page = await this.listPage(call, next);
      pages.push(page);
      next = (page as any)?.metadata?.continue || undefined;
    } while (next);
    return pages;
  }

  async fetch(): Promise<KubernetesSnapshot> {
    const [namespacePages, quotaPages, limitPages] = await Promise.all([
      this.listAll((api, page, o) => api.listNamespace(page, o as any)),
      this.listAll((api, page, o) =>
        api.listResourceQuotaForAllNamespaces(page, o as any),
      ),
      this.listAll((api, page, o) =>
        api.listLimitRangeForAllNamespaces(page, o as any),
      ),
    ]);
    const snapshot: KubernetesSnapshot = { cluster: this.name, namespaces: {} };
    const ns = (name: string) =>
      (snapshot.namespaces[name] ??= { quotas: [], limitRanges: [] });

    for (const page of namespacePages) {
      for (const item of parseUpstream(
        namespaceListSchema,
        page,
        'NamespaceList',
      ).items) {
        ns(item.metadata.name).phase = item.status?.phase;
      }
    }
    for (const page of quotaPages) {
      for (const item of parseUpstream(
        resourceQuotaListSchema,
        page,
        'ResourceQuotaList',
      ).items) {
        ns(item.metadata.namespace).quotas.push({
          name: item.metadata.name,
          hard: item.status?.hard ?? {},
          used: item.status?.used ?? {},
        });
      }
    }
    for (const page of limitPages) {
      for (const item of parseUpstream(
        limitRangeListSchema,
        page,
        'LimitRangeList',
      ).items) {
        ns(item.metadata.namespace).limitRanges.push({
          name: item.metadata.name,
          limits: item.spec.limits,
        });
      }
    }
    return snapshot;
  }
}
