/*
 * Fires N namespace requests for one tenant at once against a running
 * embedded default (the scaffolder API, as the guest), merges them one after
 * another with the documented command (`yarn gitops:merge <number>`) and
 * checks what a platform reviewer would: every merge clean, the repository
 * clean, the tenant's AppProject listing every merged namespace, and the
 * catalog showing exactly the merged namespaces (the requests left open never
 * appear).
 *
 *   yarn start &                        # the embedded default, on :7007
 *   yarn gitops:concurrency --requests 20 [--leave-open 1] [--tenant payments]
 *
 * Not a timed test: it prints its figures (docs/benchmarks.md) and exits 1 if
 * any check fails.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const exec = promisify(execFile);
const repoRoot = resolve(__dirname, '..');

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:7007' },
    repo: { type: 'string', default: resolve(repoRoot, '.local/gitops-repo') },
    tenant: { type: 'string', default: 'payments' },
    environment: { type: 'string', default: 'dev' },
    cluster: { type: 'string', default: 'nonprod-eu-1' },
    requests: { type: 'string', default: '20' },
    'leave-open': { type: 'string', default: '1' },
    'catalog-timeout': { type: 'string', default: '180' },
  },
});

const url = args.url!;
const tenant = args.tenant!;

async function api(path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok) {
    throw new Error(
      `${init.method ?? 'GET'} ${path}: HTTP ${
        response.status
      } ${await response.text()}`,
    );
  }
  return response.json();
}

async function guestToken(): Promise<string> {
  const response = await fetch(
    `${url}/api/auth/guest/refresh?optional&env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`guest sign-in: HTTP ${response.status}`);
  }
  return (await response.json()).backstageIdentity.token;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Runs the new-namespace template and waits for the task's outcome. */
async function request(token: string, part: string) {
  const { id } = await api('/api/scaffolder/v2/tasks', token, {
    method: 'POST',
    body: JSON.stringify({
      templateRef: 'template:default/new-namespace',
      values: {
        tenant: `tenant:default/${tenant}`,
        placement: {
          environment: args.environment,
          cluster: args.cluster,
        },
        name: part,
        quota: { size: 'S' },
        purpose: 'Concurrent request check',
      },
    }),
  });
  for (;;) {
    const task = await api(`/api/scaffolder/v2/tasks/${id}`, token);
    if (task.status === 'completed' || task.status === 'failed') {
      const events: any[] = await api(
        `/api/scaffolder/v2/tasks/${id}/events`,
        token,
      );
      const completion = events.find(e => e.type === 'completion');
      if (task.status === 'failed') {
        const errors = events
          .filter(e => e.body?.stepId && /error/i.test(e.body?.message ?? ''))
          .map(e => e.body.message);
        return {
          part,
          error: errors.at(-1) ?? completion?.body?.message ?? 'failed',
        };
      }
      const output = completion?.body?.output ?? {};
      const number = Number(
        /Request \*\*#(\d+)\*\*/.exec(JSON.stringify(output))?.[1],
      );
      return { part, number };
    }
    await sleep(250);
  }
}

async function git(...gitArgs: string[]) {
  const { stdout } = await exec('git', ['-C', args.repo!, ...gitArgs]);
  return stdout;
}

async function main() {
  const n = Number(args.requests);
  const leaveOpen = Number(args['leave-open']);
  const token = await guestToken();
  const run = Date.now().toString(36);
  const parts = Array.from(
    { length: n + leaveOpen },
    (_, i) => `c${run}${String(i).padStart(2, '0')}`,
  );

  const started = Date.now();
  const results = await Promise.all(parts.map(p => request(token, p)));
  const requested = Date.now() - started;
  const failed = results.filter(r => 'error' in r);
  const opened = results.filter(
    (r): r is { part: string; number: number } =>
      'number' in r && Number.isInteger(r.number),
  );
  process.stdout.write(
    `requests: ${opened.length} of ${parts.length} opened at once in ${requested} ms\n`,
  );
  for (const f of failed) {
    process.stdout.write(`  refused ${f.part}: ${(f as any).error}\n`);
  }

  const toMerge = opened.slice(0, n);
  const left = opened.slice(n);
  let clean = 0;
  const mergeStarted = Date.now();
  for (const r of toMerge) {
    try {
      await exec(
        'yarn',
        ['gitops:merge', '--repo', args.repo!, String(r.number)],
        {
          cwd: repoRoot,
        },
      );
      clean++;
    } catch (e: any) {
      process.stdout.write(
        `  merge #${r.number} failed: ${(e.stderr || e.message).trim()}\n`,
      );
    }
  }
  process.stdout.write(
    `merges: ${clean} of ${
      toMerge.length
    } clean with yarn gitops:merge, one after another (${
      Date.now() - mergeStarted
    } ms)\n`,
  );

  const status = (await git('status', '--porcelain')).trim();
  const merging = await git('rev-parse', '-q', '--verify', 'MERGE_HEAD')
    .then(() => true)
    .catch(() => false);
  const repoClean = status === '' && !merging;
  process.stdout.write(
    `repository: ${repoClean ? 'clean' : `NOT clean:\n${status}`}\n`,
  );

  const namespaceOf = (part: string) => `${tenant}-${part}-${args.environment}`;
  const project = parse(
    await git('show', `HEAD:tenants/${tenant}/appproject.yaml`),
  );
  const destinations = new Set<string>(
    project.spec.destinations.map((d: any) => d.namespace),
  );
  const missing = toMerge
    .map(r => namespaceOf(r.part))
    .filter(ns => !destinations.has(ns));
  const unmergedListed = left
    .map(r => namespaceOf(r.part))
    .filter(ns => destinations.has(ns));
  process.stdout.write(
    `AppProject ${tenant}: ${toMerge.length - missing.length} of ${
      toMerge.length
    } merged namespaces listed${
      missing.length ? ` (missing ${missing.join(', ')})` : ''
    }; open requests listed: ${unmergedListed.length}\n`,
  );

  const expected = new Set(toMerge.map(r => namespaceOf(r.part)));
  const deadline = Date.now() + Number(args['catalog-timeout']) * 1000;
  let inCatalog = new Set<string>();
  for (;;) {
    const { items } = await api(
      `/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-namespace,metadata.annotations.tenancy.io/tenant=${tenant}&limit=1000`,
      token,
    );
    inCatalog = new Set(
      items
        .map((e: any) => e.metadata.name as string)
        .filter((name: string) => name.includes(`-c${run}`)),
    );
    const all = [...expected].every(ns => inCatalog.has(ns));
    if (all || Date.now() > deadline) break;
    await sleep(2000);
  }
  const extra = [...inCatalog].filter(ns => !expected.has(ns));
  const absent = [...expected].filter(ns => !inCatalog.has(ns));
  process.stdout.write(
    `catalog: ${expected.size - absent.length} of ${
      expected.size
    } merged namespaces present; ${extra.length} not merged present${
      extra.length ? ` (${extra.join(', ')})` : ''
    }${absent.length ? `; absent ${absent.join(', ')}` : ''}\n`,
  );

  const ok =
    failed.length === 0 &&
    clean === n &&
    repoClean &&
    missing.length === 0 &&
    unmergedListed.length === 0 &&
    absent.length === 0 &&
    extra.length === 0;
  process.stdout.write(ok ? 'result: ok\n' : 'result: FAILED\n');
  process.exit(ok ? 0 : 1);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
