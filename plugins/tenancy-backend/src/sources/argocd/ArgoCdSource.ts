import {
  ArgoCdDestinationMapping,
  ArgoCdInstanceConfig,
} from '../../config/readArgoCdInstances';
import { callWithRetries, CallPolicy } from '../../upstream/callWithRetries';
import { fetchJson } from '../../upstream/fetchJson';
import { parseUpstream } from '../../upstream/parseUpstream';
import { UpstreamError } from '../../upstream/UpstreamError';
import { ArgoApplicationRecord, ArgoCdSnapshot, Source } from '../types';
import { APPLICATION_FIELDS, applicationListSchema } from './argoCdSchemas';

/**
 * All applications of one Argo CD instance, listed in one call with the
 * `fields` projection, each mapped to the Backstage cluster it deploys to.
 * Signs in with username and password when no token is configured, and
 * again when the session expires.
 */
export class ArgoCdSource implements Source<'argocd'> {
  readonly kind = 'argocd' as const;
  readonly id: string;
  readonly name: string;
  private sessionToken?: string;

  constructor(
    private readonly instance: ArgoCdInstanceConfig,
    private readonly clusters: Array<{ name: string; url: string }>,
    private readonly destinations: ArgoCdDestinationMapping[],
    private readonly policy: CallPolicy,
  ) {
    this.id = `argocd:${instance.name}`;
    this.name = instance.name;
  }

  private async token(renew: boolean): Promise<string> {
    if (this.instance.token) return this.instance.token;
    if (!this.instance.username || !this.instance.password) {
      throw new UpstreamError(
        'no token, and no username and password, configured',
        undefined,
        false,
      );
    }
    if (this.sessionToken && !renew) return this.sessionToken;
    const body = await callWithRetries(
      signal =>
        fetchJson(`${this.instance.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            username: this.instance.username,
            password: this.instance.password,
          }),
          signal,
        }),
      this.policy,
    );
    const token = (body as { token?: unknown })?.token;
    if (typeof token !== 'string') {
      throw new UpstreamError(
        'malformed session response: token',
        undefined,
        false,
      );
    }
    this.sessionToken = token;
    return token;
  }

  private list(token: string) {
    const url = `${
      this.instance.url
    }/api/v1/applications?fields=${encodeURIComponent(APPLICATION_FIELDS)}`;
    return callWithRetries(
      signal =>
        fetchJson(url, {
          headers: { authorization: `Bearer ${token}` },
          signal,
        }),
      this.policy,
    );
  }

  private clusterOf(destination?: { server?: string; name?: string }) {
    if (!destination) return undefined;
    const mapped = this.destinations.find(
      d =>
        (!d.instance || d.instance === this.name) &&
        ((d.server && d.server === destination.server) ||
          (d.name && d.name === destination.name)),
    );
    if (mapped) return mapped.cluster;
    return this.clusters.find(
      c =>
        c.name === destination.name ||
        (destination.server &&
          c.url.replace(/\/+$/, '') === destination.server.replace(/\/+$/, '')),
    )?.name;
  }

  async fetch(): Promise<ArgoCdSnapshot> {
    let body: unknown;
    try {
      body = await this.list(await this.token(false));
    } catch (error) {
      const expired =
        error instanceof UpstreamError &&
        error.status === 401 &&
        !this.instance.token;
      if (!expired) throw error;
      body = await this.list(await this.token(true));
    }
    const list = parseUpstream(applicationListSchema, body, 'application list');
    const applications: ArgoApplicationRecord[] = list.items.map(item => {
      const sync = item.status?.operationState?.operation?.sync;
      const sources =
        item.spec.sources ?? (item.spec.source ? [item.spec.source] : []);
      let revisions: string[] = [];
      if (item.status?.sync?.revision) revisions = [item.status.sync.revision];
      else if (sync?.revisions?.length) revisions = sync.revisions;
      else if (sync?.revision) revisions = [sync.revision];
      else
        revisions = sources.flatMap(s =>
          s.targetRevision ? [s.targetRevision] : [],
        );
      const appNamespace = item.metadata.namespace;
      return {
        instance: this.name,
        name: item.metadata.name,
        appNamespace,
        project: item.spec.project ?? 'default',
        labels: item.metadata.labels ?? {},
        cluster: this.clusterOf(item.spec.destination),
        destinationNamespace: item.spec.destination?.namespace,
        sync: item.status?.sync?.status ?? 'Unknown',
        health: item.status?.health?.status ?? 'Unknown',
        healthMessage: item.status?.health?.message,
        revisions,
        lastSyncedAt: item.status?.operationState?.finishedAt,
        operationPhase: item.status?.operationState?.phase,
        url: `${this.instance.url}/applications/${appNamespace ?? 'argocd'}/${
          item.metadata.name
        }`,
      };
    });
    return { instance: this.name, applications };
  }
}
