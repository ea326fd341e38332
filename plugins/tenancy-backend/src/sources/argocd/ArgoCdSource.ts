import {
  ArgoCdDestinationMapping,
  ArgoCdInstanceConfig,
} from '../../config/readArgoCdInstances';
import { callWithRetries, CallPolicy } from '../../upstream/callWithRetries';
import { fetchJson } from '../../upstream/fetchJson';
import { parseUpstream } from '../../upstream/parseUpstream';
import { UpstreamError } from '../../upstream/UpstreamError';
import { ArgoApplicationRecord, ArgoCdSnapshot, Source } from '../types';
import {
  APPLICATION_FIELDS,
  applicationListSchema,
  sessionSchema,
} from './argoCdSchemas';

/** Renew a session this long before its token's `exp`. */
const EXPIRY_MARGIN_MS = 60_000;

/** The `exp` claim of a JWT in ms, when the token is a JWT that has one. */
function expiryOf(token: string): number | undefined {
  try {
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * All applications of one Argo CD instance, listed in one call with the
 * `fields` projection, each mapped to the Backstage cluster it deploys to.
 * With a username and password instead of a token, signs in through
 * `POST /api/v1/session` and keeps the session token in memory until it
 * expires or the instance answers 401, then signs in once more. Neither the
 * password nor a token is ever part of an error or a log line.
 */
export class ArgoCdSource implements Source<'argocd'> {
  readonly kind = 'argocd' as const;
  readonly id: string;
  readonly name: string;
  private session?: { token: string; expiresAt?: number };

  constructor(
    private readonly instance: ArgoCdInstanceConfig,
    private readonly destinations: ArgoCdDestinationMapping[],
    private readonly policy: CallPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.id = `argocd:${instance.name}`;
    this.name = instance.name;
  }

  private async signIn(credentials: {
    username: string;
    password: string;
  }): Promise<string> {
    this.session = undefined;
    const body = await callWithRetries(
      signal =>
        fetchJson(`${this.instance.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(credentials),
          signal,
        }),
      this.policy,
    );
    const { token } = parseUpstream(sessionSchema, body, 'session response');
    this.session = { token, expiresAt: expiryOf(token) };
    return token;
  }

  /** The bearer token to use, and whether a 401 may be cured by signing in again. */
  private async bearer(): Promise<{ token: string; renewable: boolean }> {
    const auth = this.instance.auth;
    if ('token' in auth) return { token: auth.token, renewable: false };
    const session = this.session;
    const valid =
      session &&
      (session.expiresAt === undefined ||
        session.expiresAt - EXPIRY_MARGIN_MS > this.now());
    if (valid) return { token: session.token, renewable: true };
    return { token: await this.signIn(auth), renewable: false };
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

  /**
   * The Backstage cluster of a destination: as `tenancy.argocd.destinations`
   * maps it, else the destination's cluster name (Argo CD's name of the
   * cluster), which is the Backstage cluster name where both are the same.
   */
  private clusterOf(destination?: { server?: string; name?: string }) {
    if (!destination) return undefined;
    const mapped = this.destinations.find(
      d =>
        (!d.instance || d.instance === this.name) &&
        ((d.server &&
          d.server.replace(/\/+$/, '') ===
            destination.server?.replace(/\/+$/, '')) ||
          (d.name && d.name === destination.name)),
    );
    return mapped?.cluster ?? destination.name;
  }

  async fetch(): Promise<ArgoCdSnapshot> {
    const { token, renewable } = await this.bearer();
    let body: unknown;
    try {
      body = await this.list(token);
    } catch (error) {
      const auth = this.instance.auth;
      const expired = error instanceof UpstreamError && error.status === 401;
      if (!expired || !renewable || 'token' in auth) throw error;
      body = await this.list(await this.signIn(auth));
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
