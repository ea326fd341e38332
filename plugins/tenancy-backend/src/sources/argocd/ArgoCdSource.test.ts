import { CacheManager } from '@backstage/backend-defaults/cache';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contractExample } from '../../__testUtils__/contractExample';
import { readArgoCdInstances } from '../../config/readArgoCdInstances';
import { refreshSources } from '../../snapshots/refreshSources';
import { SnapshotStore } from '../../snapshots/SnapshotStore';
import { ArgoCdSource } from './ArgoCdSource';

const policy = { timeoutMs: 1000, retries: 0, backoffMs: 1 };
const server = setupServer();
registerMswTestHooks(server);

const session = contractExample('argocd/examples/session-create.json');
const errors = contractExample('argocd/examples/errors.json');
const list = contractExample('argocd/examples/applications-list.json');

/** A JWT as Argo CD signs it, with the given claims (the signature is not checked). */
function jwt(claims: object) {
  const part = (o: object) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/**
 * An Argo CD at `url` that accepts `password` for `username`, hands out the
 * tokens of `tokens` one session after another, and lists applications for
 * the tokens in `valid`. Records every call.
 */
function argoCd(options: {
  url: string;
  username?: string;
  password?: string;
  tokens?: string[];
  valid: Set<string>;
}) {
  const calls: string[] = [];
  const logins: unknown[] = [];
  const tokens = [...(options.tokens ?? [])];
  server.use(
    http.post(`${options.url}/api/v1/session`, async ({ request }) => {
      const body = (await request.json()) as any;
      logins.push(body);
      calls.push('POST /api/v1/session');
      if (
        body?.username !== options.username ||
        body?.password !== options.password
      ) {
        return HttpResponse.json(
          {
            error: 'Invalid username or password',
            code: 16,
            message: 'Invalid username or password',
          },
          { status: 401 },
        );
      }
      return HttpResponse.json({ token: tokens.shift() });
    }),
    http.get(`${options.url}/api/v1/applications`, ({ request }) => {
      const auth = request.headers.get('authorization') ?? '';
      calls.push(`GET /api/v1/applications ${auth}`);
      const token = auth.replace(/^Bearer /, '');
      if (!options.valid.has(token)) {
        const error = errors['401_invalid_token'];
        return HttpResponse.json(error.body, { status: error.httpStatus });
      }
      return HttpResponse.json(list);
    }),
  );
  return { calls, logins };
}

function sourceFor(auth: any, now?: () => number) {
  return new ArgoCdSource(
    { name: 'main', url: 'https://argocd.example.com', auth },
    [],
    policy,
    now,
  );
}

describe('ArgoCdSource', () => {
  it('signs in with username and password, and reuses the session token', async () => {
    const valid = new Set([session.response.token]);
    const argo = argoCd({
      url: 'https://argocd.example.com',
      username: session.request.username,
      password: session.request.password,
      tokens: [session.response.token],
      valid,
    });
    const source = sourceFor(session.request);
    expect((await source.fetch()).applications).toHaveLength(6);
    expect((await source.fetch()).applications).toHaveLength(6);
    expect(argo.logins).toEqual([session.request]);
    expect(argo.calls).toEqual([
      'POST /api/v1/session',
      `GET /api/v1/applications Bearer ${session.response.token}`,
      `GET /api/v1/applications Bearer ${session.response.token}`,
    ]);
  });

  it('signs in again when the session token is refused with 401, once', async () => {
    const valid = new Set(['first']);
    const argo = argoCd({
      url: 'https://argocd.example.com',
      username: 'backstage',
      password: 's3cret-pw',
      tokens: ['first', 'second'],
      valid,
    });
    const source = sourceFor({ username: 'backstage', password: 's3cret-pw' });
    await source.fetch();
    valid.clear(); // the session expired on the server
    valid.add('second');
    expect((await source.fetch()).applications).toHaveLength(6);
    expect(argo.calls).toEqual([
      'POST /api/v1/session',
      'GET /api/v1/applications Bearer first',
      'GET /api/v1/applications Bearer first',
      'POST /api/v1/session',
      'GET /api/v1/applications Bearer second',
    ]);
  });

  it('does not sign in again when a fresh session is refused, and never shows a secret', async () => {
    const argo = argoCd({
      url: 'https://argocd.example.com',
      username: 'backstage',
      password: 's3cret-pw',
      tokens: ['fresh-token'],
      valid: new Set(),
    });
    const source = sourceFor({ username: 'backstage', password: 's3cret-pw' });
    const error = await source.fetch().catch(e => e);
    expect(error.message).toBe(
      'HTTP 401 from /api/v1/applications: invalid session: token has invalid claims: token is expired',
    );
    expect(argo.calls.filter(c => c.startsWith('POST'))).toHaveLength(1);
    const shown = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('s3cret-pw');
    expect(shown).not.toContain('fresh-token');
  });

  it('keeps passwords and tokens out of the refresh log and the source state', async () => {
    argoCd({
      url: 'https://argocd.example.com',
      username: 'backstage',
      password: 's3cret-pw',
      tokens: ['fresh-token'],
      valid: new Set(),
    });
    const logger = mockServices.logger.mock();
    const store = new SnapshotStore(
      CacheManager.fromConfig(
        new ConfigReader({ backend: { cache: { store: 'memory' } } }),
      ).forPlugin('tenancy'),
    );
    const sources = [
      sourceFor({ username: 'backstage', password: 's3cret-pw' }),
      sourceFor({ username: 'backstage', password: 'wr0ng-pw' }),
    ];
    const index = await refreshSources({ sources, store, logger });
    const written = JSON.stringify([
      index,
      (logger.warn as jest.Mock).mock.calls,
      (logger.error as jest.Mock).mock.calls,
      (logger.info as jest.Mock).mock.calls,
    ]);
    expect(written).toContain('HTTP 401 from /api/v1/applications');
    expect(written).toContain('HTTP 401 from /api/v1/session');
    for (const secret of ['s3cret-pw', 'wr0ng-pw', 'fresh-token']) {
      expect(written).not.toContain(secret);
    }
  });

  it('names the refusal of wrong credentials without the password', async () => {
    argoCd({
      url: 'https://argocd.example.com',
      username: 'backstage',
      password: 'right',
      valid: new Set(),
    });
    const error = await sourceFor({
      username: 'backstage',
      password: 'wr0ng-pw',
    })
      .fetch()
      .catch(e => e);
    expect(error.message).toBe(
      'HTTP 401 from /api/v1/session: Invalid username or password',
    );
    expect(JSON.stringify(error) + error.stack).not.toContain('wr0ng-pw');
  });

  it('signs in before a session token expires, without waiting for a 401', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const first = jwt({ sub: 'backstage', exp: now / 1000 + 3600 });
    const second = jwt({ sub: 'backstage', exp: now / 1000 + 7200 });
    const argo = argoCd({
      url: 'https://argocd.example.com',
      username: 'backstage',
      password: 'pw',
      tokens: [first, second],
      valid: new Set([first, second]),
    });
    const source = sourceFor(
      { username: 'backstage', password: 'pw' },
      () => now,
    );
    await source.fetch();
    now += 30 * 60_000;
    await source.fetch();
    now += 30 * 60_000; // within a minute of exp
    await source.fetch();
    expect(argo.calls).toEqual([
      'POST /api/v1/session',
      `GET /api/v1/applications Bearer ${first}`,
      `GET /api/v1/applications Bearer ${first}`,
      'POST /api/v1/session',
      `GET /api/v1/applications Bearer ${second}`,
    ]);
  });

  it('does not retry a configured token that is refused', async () => {
    const argo = argoCd({
      url: 'https://argocd.example.com',
      valid: new Set(),
    });
    await expect(sourceFor({ token: 'account-token' }).fetch()).rejects.toThrow(
      /^HTTP 401 from \/api\/v1\/applications: invalid session/,
    );
    expect(argo.calls).toEqual([
      'GET /api/v1/applications Bearer account-token',
    ]);
  });
});

describe('several Argo CD instances from argocd.appLocatorMethods', () => {
  const config = {
    argocd: {
      username: 'shared-user',
      password: 'shared-pw',
      appLocatorMethods: [
        {
          type: 'config',
          instances: [
            {
              name: 'hub',
              url: 'https://hub.example.com/',
              token: 'hub-token',
            },
            {
              name: 'edge',
              url: 'https://edge.example.com',
              username: 'edge-user',
              password: 'edge-pw',
            },
          ],
        },
        { type: 'kubernetes' },
        {
          type: 'config',
          instances: [
            {
              name: 'lab',
              url: 'https://lab.example.com',
              password: 'lab-pw',
            },
            { name: 'legacy', url: 'https://legacy.example.com' },
          ],
        },
      ],
    },
  };

  it('lists each with its own credentials, falling back to argocd.username and password', async () => {
    const hub = argoCd({
      url: 'https://hub.example.com',
      valid: new Set(['hub-token']),
    });
    const edge = argoCd({
      url: 'https://edge.example.com',
      username: 'edge-user',
      password: 'edge-pw',
      tokens: ['edge-session'],
      valid: new Set(['edge-session']),
    });
    const lab = argoCd({
      url: 'https://lab.example.com',
      username: 'shared-user',
      password: 'lab-pw',
      tokens: ['lab-session'],
      valid: new Set(['lab-session']),
    });
    const legacy = argoCd({
      url: 'https://legacy.example.com',
      username: 'shared-user',
      password: 'shared-pw',
      tokens: ['legacy-session'],
      valid: new Set(['legacy-session']),
    });
    const sources = readArgoCdInstances(new ConfigReader(config)).map(
      i => new ArgoCdSource(i, [], policy),
    );
    expect(sources.map(s => s.id)).toEqual([
      'argocd:hub',
      'argocd:edge',
      'argocd:lab',
      'argocd:legacy',
    ]);
    const snapshots = await Promise.all(sources.map(s => s.fetch()));
    expect(snapshots.map(s => [s.instance, s.applications.length])).toEqual([
      ['hub', 6],
      ['edge', 6],
      ['lab', 6],
      ['legacy', 6],
    ]);
    expect(hub.calls).toEqual(['GET /api/v1/applications Bearer hub-token']);
    expect(edge.logins).toEqual([
      { username: 'edge-user', password: 'edge-pw' },
    ]);
    expect(lab.logins).toEqual([
      { username: 'shared-user', password: 'lab-pw' },
    ]);
    expect(legacy.logins).toEqual([
      { username: 'shared-user', password: 'shared-pw' },
    ]);
  });

  it.each([
    [
      'an instance without credentials',
      [{ name: 'a', url: 'https://a.example.com', username: 'only-user' }],
      'argocd.appLocatorMethods[0].instances[0] (a) needs a token, or a username and a password (its own or argocd.username and argocd.password)',
    ],
    [
      'a name used twice',
      [
        { name: 'a', url: 'https://a.example.com', token: 't' },
        { name: 'a', url: 'https://b.example.com', token: 't' },
      ],
      'argocd.appLocatorMethods[0].instances[1]: name "a" is also the name of argocd.appLocatorMethods[0].instances[0]; Argo CD instance names must be unique',
    ],
    [
      'a URL without scheme',
      [{ name: 'a', url: 'argocd.example.com', token: 't' }],
      'argocd.appLocatorMethods[0].instances[0].url must be an http: or https: URL',
    ],
  ])('refuses %s, naming the instance', (_, instances, message) => {
    const bad = new ConfigReader({
      argocd: { appLocatorMethods: [{ type: 'config', instances }] },
    });
    expect(() => readArgoCdInstances(bad)).toThrow(message);
  });
});
