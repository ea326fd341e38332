/*
 * Catalog ingestion benchmark: generates a GitOps repository with TENANTS
 * tenants of 5 namespaces each, starts a catalog backend (SQLite in memory)
 * whose tenancy provider reads it, and reports the time until every entity
 * is in the catalog with its relations, and the backend's peak memory.
 *
 * The same run first measures a baseline of a tenth of the size, so the
 * figures come with ratios: a time ratio near the size ratio (10x) means
 * ingestion scales linearly; a memory ratio near 1 means memory stays flat.
 *
 *   yarn bench:catalog [--tenants 2000] [--database sqlite|pg]
 *
 * With `--database pg` the catalog uses the PostgreSQL at TENANCY_TEST_PG_URL
 * (`source scripts/test-services.sh` starts one), as in production; with
 * SQLite in memory the database lives in the backend's own memory.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { peakMemoryMiB, spawnBackend } from './spawnBackend';
import { stringify } from 'yaml';
import { writeGitOpsRepo } from '../generate-gitops-repo';

const NAMESPACES_PER_TENANT = 5;
const PORT = 7123;

interface Result {
  tenants: number;
  entities: number;
  /** From process start to every entity ingested. */
  seconds: number;
  /** From the backend answering to every entity ingested. */
  ingestSeconds: number;
  peakMiB: number;
}

async function fetchJson(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

async function count(filter: string): Promise<number> {
  const body = await fetchJson(
    `http://localhost:${PORT}/api/catalog/entities/by-query?limit=1&${filter}`,
  );
  return body.totalItems;
}

async function measure(tenants: number, database: object): Promise<Result> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-bench-'));
  const repo = join(dir, 'repo');
  await writeGitOpsRepo({
    out: repo,
    tenants,
    namespaces: NAMESPACES_PER_TENANT,
  });
  const namespaces = tenants * NAMESPACES_PER_TENANT;
  const expected = 2 + tenants + namespaces;

  const configFile = join(dir, 'app-config.yaml');
  await fs.writeFile(
    configFile,
    stringify({
      backend: {
        baseUrl: `http://localhost:${PORT}`,
        listen: { port: PORT },
        database,
        auth: { dangerouslyDisableDefaultAuthPolicy: true },
      },
      catalog: {
        rules: [{ allow: ['Tenant', 'Resource'] }],
        providers: {
          tenancy: {
            bench: {
              target: repo,
              schedule: {
                frequency: { minutes: 30 },
                timeout: { minutes: 10 },
              },
            },
          },
        },
      },
    }),
  );

  const started = Date.now();
  const { child, stderr } = spawnBackend(
    resolve(__dirname, 'catalogBackend.ts'),
    configFile,
  );

  try {
    // Done when every namespace is in the catalog and part of its tenant.
    const deadline = Date.now() + 15 * 60_000;
    let ready: number | undefined;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`backend exited:\n${stderr()}`);
      try {
        const all = await count('filter=kind=tenant,kind=resource');
        ready ??= Date.now();
        const related = await count(
          'filter=kind=resource,spec.type=kubernetes-namespace,relations.partof',
        );
        if (all >= expected && related >= namespaces) {
          break;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise(r => setTimeout(r, 1000));
    }
    const done = Date.now();
    const peakMiB = await peakMemoryMiB(child.pid!);
    return {
      tenants,
      entities: expected,
      seconds: (done - started) / 1000,
      ingestSeconds: (done - (ready ?? started)) / 1000,
      peakMiB,
    };
  } finally {
    child.kill();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string', default: '2000' },
      database: { type: 'string', default: 'sqlite' },
    },
  });
  const tenants = Number(values.tenants);
  const baselineTenants = Math.max(1, Math.round(tenants / 10));
  const runId = Date.now().toString(36);
  const database = (run: string) => {
    if (values.database === 'sqlite') {
      return { client: 'better-sqlite3', connection: ':memory:' };
    }
    const url = process.env.TENANCY_TEST_PG_URL;
    if (values.database !== 'pg' || !url) {
      throw new Error(
        '--database is sqlite or pg; pg needs TENANCY_TEST_PG_URL',
      );
    }
    return { client: 'pg', connection: url, prefix: `bench_${runId}_${run}_` };
  };

  const baseline = await measure(baselineTenants, database('baseline'));
  const full = await measure(tenants, database('full'));

  const row = (name: string, r: Result) =>
    `| ${name} | ${r.tenants} | ${r.entities} | ${r.seconds.toFixed(
      1,
    )} | ${r.ingestSeconds.toFixed(1)} | ${r.peakMiB.toFixed(0)} |`;
  const lines = [
    `catalog ingestion from a GitOps repository (${NAMESPACES_PER_TENANT} namespaces per tenant, database: ${
      values.database === 'pg' ? 'PostgreSQL' : 'SQLite in memory'
    })`,
    '',
    '| run | tenants | entities | seconds from start | seconds after the backend answers | backend peak RSS (MiB) |',
    '| --- | --- | --- | --- | --- | --- |',
    row('baseline (1/10 size)', baseline),
    row('full', full),
    '',
    `size ratio ${(full.entities / baseline.entities).toFixed(
      1,
    )}x, time ratio ${(full.ingestSeconds / baseline.ingestSeconds).toFixed(
      1,
    )}x, peak memory ratio ${(full.peakMiB / baseline.peakMiB).toFixed(2)}x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
