/*
 * Aggregation benchmark, against the simulated upstreams at fleet scale
 * (default: 5 clusters, 2,000 namespaces, 2 Argo CD instances with 2,000
 * applications, 5 OpenCost instances, 50 ms upstream latency):
 *
 *  1. upstream calls of one full refresh, against a baseline that fetches per
 *     entity the way the upstream Kubernetes plugin does (one call per
 *     entity, per cluster, per object type; Argo CD per entity and
 *     instance; cost per entity), both measured by the simulator;
 *  2. time to the first answer and to the first complete answer from a cold
 *     start, and the backend's peak resident memory;
 *  3. p50 / p95 latency of the summary and fleet endpoints under 100
 *     concurrent clients on loopback, warm.
 *
 *   yarn bench:aggregation [--namespaces 2000] [--clusters 5] [--latency 50] [--seconds 15]
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeConnections, get, load, pool } from './httpLoad';
import { peakMemoryMiB, spawnBackend } from './spawnBackend';
import { stringify } from 'yaml';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  generateWorld,
  simulatorBackendConfig,
} from '@internal/upstream-simulators';
import { mockCredentials } from '@backstage/backend-test-utils';

const { values: args } = parseArgs({
  options: {
    namespaces: { type: 'string', default: '2000' },
    clusters: { type: 'string', default: '5' },
    latency: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    clients: { type: 'string', default: '100' },
  },
});
const NAMESPACES = Number(args.namespaces);
const CLUSTERS = Number(args.clusters);
const LATENCY = Number(args.latency);
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const PORT = 7017;
const BASE = `http://127.0.0.1:${PORT}/api/tenancy`;
const AUTH = mockCredentials.user.header();
const headers = { authorization: AUTH };
const api = (path: string) => `${BASE}${path}`;

async function main() {
  const world = generateWorld({
    clusters: CLUSTERS,
    namespaces: NAMESPACES,
    namespacesPerTenant: 5,
    argocdInstances: 2,
    applications: NAMESPACES,
    costInstances: 'per-cluster',
  });
  const sim = await createSimulatorServer({
    getWorld: () => world,
    controls: { latencyMs: LATENCY },
  });
  const entities = catalogEntitiesFor(world);
  const tenants = entities.filter(e => e.kind === 'Tenant');
  const namespaces = entities.filter(e => e.kind === 'Resource');
  console.log(
    `World: ${CLUSTERS} clusters, ${NAMESPACES} namespaces, ${tenants.length} tenants, ` +
      `${world.argocd.length} Argo CD instances with ${world.argocd.reduce(
        (n, i) => n + i.applications.length,
        0,
      )} applications, ` +
      `${world.cost.length} cost instances; upstream latency ${LATENCY} ms`,
  );

  // --- Baseline: per entity, per cluster, per object type -------------------
  const k8s = {
    authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
  };
  const argo = {
    authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.argocdToken}`,
  };
  const baselineCalls: Array<[string, Record<string, string>]> = [];
  for (const ns of namespaces) {
    const name = ns.metadata.name;
    for (const cluster of world.clusters) {
      const base = `${sim.url}/k8s/${cluster.name}/api/v1/namespaces/${name}`;
      baselineCalls.push(
        [base, k8s],
        [`${base}/resourcequotas`, k8s],
        [`${base}/limitranges`, k8s],
      );
    }
    for (const instance of world.argocd) {
      baselineCalls.push([
        `${sim.url}/argocd/${instance.name}/api/v1/applications?name=${name}`,
        argo,
      ]);
    }
    const cluster = (ns.metadata.annotations as any)[
      'backstage.io/kubernetes-cluster'
    ];
    baselineCalls.push([
      `${sim.url}/opencost/opencost-${cluster}/allocation?window=7d&aggregate=namespace&accumulate=true&filter=namespace:"${name}"`,
      {},
    ]);
  }
  sim.counter.reset();
  const baselineStarted = Date.now();
  await pool(baselineCalls, 100, ([url, headers]) => get(url, headers));
  const baselineSeconds = (Date.now() - baselineStarted) / 1000;
  const baselineTotal = sim.counter.total();
  sim.counter.reset();

  // --- The tenancy backend, cold ---------------------------------------------
  const dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-bench-aggregation-'));
  const entitiesFile = join(dir, 'entities.json');
  await fs.writeFile(entitiesFile, JSON.stringify(entities));
  const config = simulatorBackendConfig(world, sim.url);
  const configFile = join(dir, 'app-config.yaml');
  await fs.writeFile(
    configFile,
    stringify({
      ...config,
      backend: {
        baseUrl: `http://127.0.0.1:${PORT}`,
        listen: { port: PORT },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      tenancy: {
        ...config.tenancy,
        refresh: {
          schedule: {
            frequency: { minutes: 30 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 0 },
          },
          callTimeout: { seconds: 30 },
        },
      },
    }),
  );
  const started = Date.now();
  const { child, stderr } = spawnBackend(
    resolve(__dirname, 'aggregationBackend.ts'),
    configFile,
    { TENANCY_BENCH_ENTITIES: entitiesFile },
  );

  try {
    let firstAnswer: number | undefined;
    let complete: number | undefined;
    const deadline = Date.now() + 5 * 60_000;
    while (!complete) {
      if (child.exitCode !== null)
        throw new Error(`backend exited:\n${stderr()}`);
      if (Date.now() > deadline) throw new Error(`timed out:\n${stderr()}`);
      try {
        const res = await get(`${BASE}/v1/tenants?window=7d`, {
          authorization: AUTH,
        });
        if (res.status === 200) {
          firstAnswer ??= Date.now();
          const body = JSON.parse(res.body);
          if (
            body.sources.every((s: any) => s.lastSuccessAt) &&
            body.items[0]?.cost
          ) {
            complete = Date.now();
          }
        }
      } catch {
        // not listening yet
      }
      if (!complete) await new Promise(r => setTimeout(r, 100));
    }
    const refreshTotal = sim.counter.total();
    const refreshCalls = Object.fromEntries(sim.counter.calls);

    // --- Latency under load, warm --------------------------------------------
    const summaryPaths = tenants.map(
      t => `/v1/entities/tenant/default/${t.metadata.name}/summary?window=7d`,
    );
    await load(api, headers, summaryPaths, 3, CLIENTS); // warm-up
    const summary = await load(api, headers, summaryPaths, SECONDS, CLIENTS);
    const fleetPaths = [
      '/v1/tenants?window=7d',
      '/v1/tenants?window=30d',
      '/v1/tenants?window=1d',
    ];
    await load(api, headers, fleetPaths, 3, CLIENTS);
    const fleet = await load(api, headers, fleetPaths, SECONDS, CLIENTS);
    // The smallest endpoint: the floor set by the HTTP stack, auth and the load generator.
    await load(api, headers, ['/v1/sources'], 2, CLIENTS);
    const floor = await load(api, headers, ['/v1/sources'], SECONDS, CLIENTS);
    const fleetBytes = (
      await get(`${BASE}/v1/tenants?window=7d`, { authorization: AUTH })
    ).body.length;
    const peakMiB = await peakMemoryMiB(child.pid!);

    const f = (n: number, d = 1) => n.toFixed(d);
    console.log('\nUpstream calls for one full refresh');
    console.log(`| approach | calls | seconds at ${LATENCY} ms latency |`);
    console.log('| --- | --- | --- |');
    console.log(
      `| baseline: per entity, cluster and object type | ${baselineTotal} | ${f(
        baselineSeconds,
      )} (100 in flight) |`,
    );
    console.log(
      `| tenancy backend: per cluster and instance | ${refreshTotal} | ${f(
        (complete - started) / 1000,
      )} (cold start to complete data) |`,
    );
    console.log(
      `ratio: ${f(
        baselineTotal / refreshTotal,
      )}x fewer calls; tenancy calls by source: ${JSON.stringify(
        refreshCalls,
      )}`,
    );

    console.log('\nCold start');
    console.log(
      `first answer ${f(
        (firstAnswer! - started) / 1000,
        2,
      )} s after spawn, complete data ${f(
        (complete - started) / 1000,
        2,
      )} s after spawn`,
    );
    console.log(`backend peak RSS ${f(peakMiB, 0)} MiB`);

    console.log(
      `\nLatency under ${CLIENTS} concurrent clients, warm, ${SECONDS} s each`,
    );
    console.log(
      '| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, r] of [
      [
        `summary (one of ${tenants.length} tenants, 5 namespaces each)`,
        summary,
      ],
      [`fleet (${tenants.length} tenants, ${fleetBytes} bytes)`, fleet],
      ['floor: sources (12 rows)', floor],
    ] as const) {
      console.log(
        `| ${name} | ${r.requests} | ${f(r.rps, 0)} | ${f(r.p50)} | ${f(
          r.p95,
        )} | ${f(r.p99)} | ${r.errors} |`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await sim.close();
    closeConnections();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
