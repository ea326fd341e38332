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
 *     concurrent clients on loopback, warm, against the floor endpoint
 *     (sources) in the same run.
 *
 * Steps 2 and 3 run twice: before (tenancy.refresh.policyReports and
 * tenancy.refresh.drift off: quota, cost and Argo CD only) and after (every
 * cluster serving policy reports with `--results` results per namespace,
 * the GitOps repository of every namespace read for drift, and a few
 * namespaces drifted by hand).
 *
 * `--flux <n>` (default 0) puts the first n clusters on Flux
 * (`tenancy.policy.clusters.<cluster>.engine: flux`, read by the backend and
 * the simulated world alike): their namespaces' environments become their
 * own (`dev-cluster-1`: flux-one-cluster, an environment with a Flux cluster
 * runs on it only, declared in `tenancy.policy.environments`), no Argo CD
 * application deploys into them, and they serve the Kustomizations and
 * HelmReleases `worldFromGitOpsRepo` derives from the bench's GitOps
 * repository; the backend lists those (`flux:<cluster>`) at every refresh.
 *
 *   yarn bench:aggregation [--namespaces 2000] [--clusters 5] [--flux 0] [--latency 50] [--seconds 15] [--results 20] [--port 0]
 *
 * `--port 0` (the default) takes a free port.
 */
import { promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeConnections, get, load, pool } from './httpLoad';
import { gitopsRepoFor } from './gitopsRepoFor';
import { peakMemoryMiB, spawnBackend } from './spawnBackend';
import { stringify } from 'yaml';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  generateWorld,
  simulatorBackendConfig,
  worldFromGitOpsRepo,
} from '@internal/upstream-simulators';
import { mockCredentials } from '@backstage/backend-test-utils';

const { values: args } = parseArgs({
  options: {
    namespaces: { type: 'string', default: '2000' },
    clusters: { type: 'string', default: '5' },
    flux: { type: 'string', default: '0' },
    latency: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    clients: { type: 'string', default: '100' },
    results: { type: 'string', default: '20' },
    port: { type: 'string', default: '0' },
  },
});
const NAMESPACES = Number(args.namespaces);
const CLUSTERS = Number(args.clusters);
const FLUX = Number(args.flux);
const LATENCY = Number(args.latency);
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const RESULTS = Number(args.results);
const AUTH = mockCredentials.user.header();
const headers = { authorization: AUTH };
const f = (n: number, d = 1) => n.toFixed(d);

/** A free loopback port, or the one asked for. */
async function freePort(asked: number): Promise<number> {
  if (asked) return asked;
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

type Load = Awaited<ReturnType<typeof load>>;

/** What one backend run measured. */
interface RunFigures {
  refreshTotal: number;
  refreshCalls: Record<string, number>;
  /** Of `refreshTotal`, the Kustomization and HelmRelease lists. */
  fluxCalls: number;
  firstAnswerS: number;
  completeS: number;
  peakMiB: number;
  summary: Load;
  fleet: Load;
  floor: Load;
  fleetBytes: number;
  sourceCount: number;
  /** Seconds from spawn to each kind's last source success, slowest first. */
  kindSeconds: Array<[string, number]>;
  policyFailures: number;
  drift: number;
}

async function main() {
  const world = generateWorld({
    clusters: CLUSTERS,
    namespaces: NAMESPACES,
    namespacesPerTenant: 5,
    argocdInstances: 2,
    applications: NAMESPACES,
    costInstances: 'per-cluster',
  });
  const fluxClusters = new Set(world.clusters.slice(0, FLUX).map(c => c.name));
  for (const cluster of world.clusters.filter(c => fluxClusters.has(c.name))) {
    for (const ns of cluster.namespaces) {
      ns.environment = `${ns.environment}-${cluster.name}`;
      ns.labels['tenancy.io/environment'] = ns.environment;
    }
  }
  const dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-bench-aggregation-'));
  const repo = join(dir, 'gitops-repo');
  await gitopsRepoFor(world, repo);
  if (fluxClusters.size) {
    // The Flux clusters as the repository puts them on Flux; the others keep
    // their Argo CD applications.
    const fromRepo = worldFromGitOpsRepo(repo, {
      argocd: [],
      cost: [],
      fluxClusters: [...fluxClusters],
    });
    world.clusters = world.clusters.map(c =>
      fluxClusters.has(c.name)
        ? {
            ...fromRepo.clusters.find(f => f.name === c.name)!,
            policyEngine: c.policyEngine,
          }
        : c,
    );
    for (const instance of world.argocd) {
      instance.applications = instance.applications.filter(
        a => !fluxClusters.has(a.destination.name!),
      );
    }
  }
  /** With Flux, the policy's engines and the environments' clusters. */
  const policy: Record<string, unknown> = {};
  if (fluxClusters.size) {
    const environments: Record<string, { clusters: string[] }> = {};
    for (const cluster of world.clusters) {
      for (const ns of cluster.namespaces.filter(n => n.tenant)) {
        const env = (environments[ns.environment!] ??= { clusters: [] });
        if (!env.clusters.includes(cluster.name)) {
          env.clusters.push(cluster.name);
        }
      }
    }
    const clusters = [...fluxClusters].map(c => [c, { engine: 'flux' }]);
    policy.policy = { environments, clusters: Object.fromEntries(clusters) };
  }
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
      `${world.cost.length} cost instances${
        FLUX
          ? `; ${FLUX} clusters on Flux (${[...fluxClusters].join(', ')})`
          : ''
      }; upstream latency ${LATENCY} ms`,
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

  try {
    const entitiesFile = join(dir, 'entities.json');
    await fs.writeFile(entitiesFile, JSON.stringify(entities));
    const summaryPaths = tenants.map(
      t => `/v1/entities/tenant/default/${t.metadata.name}/summary?window=7d`,
    );

    /** Starts a backend with `tenancy` settings added, cold, and measures it. */
    const run = async (
      label: string,
      tenancy: Record<string, unknown>,
      refresh: Record<string, unknown>,
      /** Sources once complete: the GitOps one comes after the others. */
      sourceTotal: number,
    ): Promise<RunFigures> => {
      const port = await freePort(Number(args.port));
      const base = `http://127.0.0.1:${port}/api/tenancy`;
      const api = (path: string) => `${base}${path}`;
      const config = simulatorBackendConfig(world, sim.url);
      const configFile = join(dir, `app-config.${label}.yaml`);
      await fs.writeFile(
        configFile,
        stringify({
          ...config,
          backend: {
            baseUrl: `http://127.0.0.1:${port}`,
            listen: { port },
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          tenancy: {
            ...config.tenancy,
            ...policy,
            ...tenancy,
            refresh: {
              schedule: {
                frequency: { minutes: 30 },
                timeout: { minutes: 5 },
                initialDelay: { seconds: 0 },
              },
              callTimeout: { seconds: 30 },
              ...refresh,
            },
          },
        }),
      );
      sim.counter.reset();
      const started = Date.now();
      const { child, stderr } = spawnBackend(
        resolve(__dirname, 'aggregationBackend.ts'),
        configFile,
        { TENANCY_BENCH_ENTITIES: entitiesFile },
      );
      try {
        let firstAnswer: number | undefined;
        let complete: number | undefined;
        let sourceCount = 0;
        let kindSeconds: Array<[string, number]> = [];
        const deadline = Date.now() + 5 * 60_000;
        while (!complete) {
          if (child.exitCode !== null)
            throw new Error(`backend exited:\n${stderr()}`);
          if (Date.now() > deadline) {
            throw new Error(
              `timed out, ${sourceTotal} sources wanted:\n${stderr()}`,
            );
          }
          try {
            const res = await get(`${base}/v1/tenants?window=7d`, headers);
            if (res.status === 200) {
              firstAnswer ??= Date.now();
              const body = JSON.parse(res.body);
              const clusters = body.sources.filter(
                (s: any) => s.kind === 'kubernetes',
              );
              if (
                clusters.length === CLUSTERS &&
                body.sources.length === sourceTotal &&
                body.sources.every((s: any) => s.lastSuccessAt) &&
                body.items[0]?.cost
              ) {
                complete = Date.now();
                sourceCount = body.sources.length;
                const byKind = new Map<string, number>();
                for (const source of body.sources) {
                  const at =
                    (Date.parse(source.lastSuccessAt) - started) / 1000;
                  byKind.set(
                    source.kind,
                    Math.max(byKind.get(source.kind) ?? 0, at),
                  );
                }
                kindSeconds = [...byKind].sort((a, b) => b[1] - a[1]);
              }
            }
          } catch {
            // not listening yet
          }
          if (!complete) await new Promise(r => setTimeout(r, 100));
        }
        const refreshTotal = sim.counter.total();
        const refreshCalls = Object.fromEntries(sim.counter.calls);
        const fluxCalls = [...sim.counter.paths]
          .filter(([key]) => key.includes('.toolkit.fluxcd.io/'))
          .reduce((n, [, calls]) => n + calls, 0);

        await load(api, headers, summaryPaths, 3, CLIENTS); // warm-up
        const summary = await load(
          api,
          headers,
          summaryPaths,
          SECONDS,
          CLIENTS,
        );
        const fleetPaths = [
          '/v1/tenants?window=7d',
          '/v1/tenants?window=30d',
          '/v1/tenants?window=1d',
        ];
        await load(api, headers, fleetPaths, 3, CLIENTS);
        const fleet = await load(api, headers, fleetPaths, SECONDS, CLIENTS);
        // The smallest endpoint: the floor set by the HTTP stack, auth and the load generator.
        await load(api, headers, ['/v1/sources'], 2, CLIENTS);
        const floor = await load(
          api,
          headers,
          ['/v1/sources'],
          SECONDS,
          CLIENTS,
        );
        const fleetBody = (await get(`${base}/v1/tenants?window=7d`, headers))
          .body;
        const rows = JSON.parse(fleetBody).items;
        return {
          refreshTotal,
          refreshCalls,
          fluxCalls,
          firstAnswerS: (firstAnswer! - started) / 1000,
          completeS: (complete - started) / 1000,
          peakMiB: await peakMemoryMiB(child.pid!),
          summary,
          fleet,
          floor,
          fleetBytes: fleetBody.length,
          sourceCount,
          kindSeconds,
          policyFailures: rows.reduce(
            (n: number, r: any) => n + (r.policy?.fail ?? 0),
            0,
          ),
          drift: rows.reduce((n: number, r: any) => n + (r.drift ?? 0), 0),
        };
      } finally {
        child.kill('SIGTERM');
      }
    };

    // Sources: per cluster a Kubernetes and a vCluster one (after, a policy
    // one too), per Flux cluster a Flux one, per Argo CD and cost instance one.
    const others = world.argocd.length + world.cost.length + FLUX;
    const before = await run(
      'before',
      {},
      { policyReports: false, drift: false },
      2 * CLUSTERS + others,
    );
    sim.controls.policyResultsPerNamespace = RESULTS;
    const [first, second] = world.clusters;
    const nsOf = (c: typeof first, i: number) =>
      c.namespaces.filter(n => n.tenant)[i];
    sim.controls.drift = {
      [first.name]: {
        missing: [nsOf(first, 0).name],
        quotas: {
          [nsOf(first, 1).name]: { 'tenant-quota': { pods: '999' } },
        },
        orphans: [
          {
            namespace: `${nsOf(first, 2).name}-by-hand`,
            tenant: nsOf(first, 2).tenant!,
            like: nsOf(first, 2).name,
          },
        ],
      },
      [(second ?? first).name]: {
        labels: {
          [nsOf(second ?? first, 3).name]: {
            'tenancy.io/cost-center': 'CC-9999',
          },
        },
      },
    };
    const after = await run(
      'after',
      {
        gitops: {
          tenantsPath: 'tenants',
          publisher: { type: 'local', path: repo },
        },
      },
      {},
      3 * CLUSTERS + others + 1,
    );

    console.log('\nUpstream calls for one full refresh');
    console.log(`| approach | calls | seconds at ${LATENCY} ms latency |`);
    console.log('| --- | --- | --- |');
    console.log(
      `| baseline: per entity, cluster and object type | ${baselineTotal} | ${f(
        baselineSeconds,
      )} (100 in flight) |`,
    );
    for (const [name, r] of [
      [
        `tenancy backend before: quota, cost, Argo CD${
          FLUX ? `, Flux on ${FLUX} clusters` : ''
        }`,
        before,
      ],
      [
        `tenancy backend after: and policy reports (${RESULTS} results a namespace), GitOps for drift`,
        after,
      ],
    ] as const) {
      console.log(
        `| ${name} | ${r.refreshTotal} | ${f(
          r.completeS,
        )} (cold start to complete data) |`,
      );
    }
    const fluxOf = (r: RunFigures) =>
      FLUX ? `, of which ${r.fluxCalls} Flux lists` : '';
    console.log(
      `before: ${f(
        baselineTotal / before.refreshTotal,
      )}x fewer calls than the baseline; by source ${JSON.stringify(
        before.refreshCalls,
      )}${fluxOf(before)}`,
    );
    console.log(
      `after: ${f(
        baselineTotal / after.refreshTotal,
      )}x fewer calls than the baseline; by source ${JSON.stringify(
        after.refreshCalls,
      )}${fluxOf(
        after,
      )} (policy calls are counted with their cluster's; the GitOps repository is local git, not an upstream call); ${
        after.sourceCount
      } sources; fleet: ${after.policyFailures} policy failures, ${
        after.drift
      } drift findings`,
    );

    console.log('\nCold start');
    for (const [name, r] of [
      ['before', before],
      ['after', after],
    ] as const) {
      console.log(
        `${name}: first answer ${f(
          r.firstAnswerS,
          2,
        )} s after spawn, complete data ${f(
          r.completeS,
          2,
        )} s after spawn, backend peak RSS ${f(
          r.peakMiB,
          0,
        )} MiB; last success by kind: ${r.kindSeconds
          .map(([kind, at]) => `${kind} ${f(at)} s`)
          .join(', ')}`,
      );
    }

    console.log(
      `\nLatency under ${CLIENTS} concurrent clients, warm, ${SECONDS} s each`,
    );
    console.log(
      '| run | endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [runName, r] of [
      ['before', before],
      ['after', after],
    ] as const) {
      for (const [name, l] of [
        [
          `summary (one of ${tenants.length} tenants, 5 namespaces each)`,
          r.summary,
        ],
        [`fleet (${tenants.length} tenants, ${r.fleetBytes} bytes)`, r.fleet],
        [`floor: sources (${r.sourceCount} rows)`, r.floor],
      ] as const) {
        console.log(
          `| ${runName} | ${name} | ${l.requests} | ${f(l.rps, 0)} | ${f(
            l.p50,
          )} | ${f(l.p95)} | ${f(l.p99)} | ${l.errors} |`,
        );
      }
      console.log(
        `${runName}: summary p95 ${f(
          r.summary.p95 / r.floor.p95,
          2,
        )}x the floor, fleet p95 ${f(r.fleet.p95 / r.floor.p95, 2)}x the floor`,
      );
    }
  } finally {
    await sim.close();
    closeConnections();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
