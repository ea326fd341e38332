/*
 * Provisioning benchmark:
 *  1. median time to validate and render a namespace bundle (to YAML), against
 *     a baseline of serialising the same objects alone;
 *  2. median time of a whole `tenancy:namespace:create` run against the local
 *     git publisher, against a baseline of committing the same files to a
 *     branch with plain git commands.
 *
 *   yarn bench:provisioning [--runs 20]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import {
  GitOpsLayout,
  prepareNamespaceBundle,
  ProvisioningContext,
  renderNamespaceBundle,
  serializeManifests,
  TenancyPolicy,
  TenantEntityV1alpha1,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { createNamespaceCreateAction } from '../../plugins/scaffolder-backend-module-tenancy/src/actions/namespaceCreate';
import {
  LocalGitPublisher,
  readTenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';

// The embedded default's policy, as configured in app-config.yaml.
const policy: TenancyPolicy = readTenancyPolicy(
  new ConfigReader(
    parse(readFileSync(resolve(__dirname, '../../app-config.yaml'), 'utf8')),
  ),
);
const layout = GitOpsLayout.create();
const otherTenants = Array.from({ length: 2000 }, (_, i) => `tenant-${i}`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const time = async (fn: () => unknown) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

function input(i: number) {
  return {
    tenant: 'payments',
    environment: 'dev',
    cluster: 'nonprod-eu-1',
    name: `svc${i}`,
    quota: { ...policy.quotaSizes.S, pods: '30' },
    limits: {
      default: { cpu: '500m', memory: '512Mi' },
      max: { cpu: '2', memory: '4Gi' },
    },
    labels: { app: `svc${i}` },
    purpose: 'Benchmark namespace',
  };
}

const tenant: TenantEntityV1alpha1 = {
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments', namespace: 'default' },
  spec: {
    owner: 'group:default/team-payments',
    costCenter: 'CC-1001',
    ssoGroup: 'payments-developers',
    environments: ['dev'],
  },
};
const context: ProvisioningContext = {
  policy,
  layout,
  tenants: otherTenants,
  requestedBy: 'user:default/alex',
};

/** The namespace request `i` as tenancy:namespace:create prepares it. */
function prepared(i: number) {
  const result = prepareNamespaceBundle(input(i), {
    tenant,
    owner: 'group:default/team-payments',
    context,
  });
  if (result.problems.length) throw new Error(JSON.stringify(result.problems));
  return result;
}

async function seedRepo(root: string) {
  const seed = join(root, 'seed');
  await fs.mkdir(join(seed, 'tenants/payments'), { recursive: true });
  await fs.writeFile(
    join(seed, 'tenants/payments/tenant.yaml'),
    'kind: Tenant\n',
  );
  return LocalGitPublisher.open({ path: join(root, 'repo'), seedFrom: seed });
}

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '20' } },
  });
  const runs = Number(values.runs);

  // 1. validate + render
  const renderTimes: number[] = [];
  const serializeTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    renderTimes.push(await time(() => prepared(i)));
    const bundle = renderNamespaceBundle(prepared(i).request!, layout);
    serializeTimes.push(
      await time(() =>
        Object.values(bundle).forEach(o => serializeManifests(o)),
      ),
    );
  }

  // 2. whole action against the local git publisher, and plain git as baseline
  const root = await fs.mkdtemp(join(tmpdir(), 'tenancy-bench-prov-'));
  const publisher = await seedRepo(root);
  const action = createNamespaceCreateAction({
    catalog: {
      getEntityByRef: async () => tenant,
      getEntities: async () => ({
        items: otherTenants.map(name => ({ metadata: { name } })),
      }),
    } as any,
    userInfo: {
      getUserInfo: async () => ({
        userEntityRef: 'user:default/alex',
        ownershipEntityRefs: ['group:default/team-payments'],
      }),
    } as any,
    permissions: { authorize: async () => [{ result: 'DENY' }] } as any,
    // An auditor that serialises each event, as the backend's logger would.
    auditor: {
      createEvent: async (event: object) => {
        JSON.stringify(event);
        const log = async (outcome: object) => void JSON.stringify(outcome);
        return { success: log, fail: log };
      },
    },
    layout,
    policy,
    publisher,
  });
  const logger = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    child: () => logger,
  } as any;
  const actionTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    actionTimes.push(
      await time(() =>
        action.handler({
          input: { ...input(i), size: 'S', quota: { pods: '30' } },
          logger,
          workspacePath: join(root, 'ws'),
          output: () => {},
          checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
          getInitiatorCredentials: async () => ({}),
          isDryRun: false,
        } as any),
      ),
    );
  }

  const gitRepo = join(root, 'repo');
  const gitTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const files = Object.entries(prepared(1000 + i).files);
    gitTimes.push(
      await time(async () => {
        const worktree = join(root, `wt${i}`);
        execFileSync(
          'git',
          ['worktree', 'add', '--quiet', '--detach', worktree, 'main'],
          { cwd: gitRepo },
        );
        for (const [path, text] of files) {
          await fs.mkdir(dirname(join(worktree, path)), { recursive: true });
          await fs.writeFile(join(worktree, path), text);
        }
        execFileSync('git', ['add', '--all'], { cwd: worktree });
        execFileSync(
          'git',
          [
            '-c',
            'user.name=b',
            '-c',
            'user.email=b@b',
            'commit',
            '--quiet',
            '-m',
            'x',
          ],
          { cwd: worktree },
        );
        execFileSync('git', ['branch', `plain-${i}`, 'HEAD'], {
          cwd: worktree,
        });
        execFileSync('git', ['worktree', 'remove', '--force', worktree], {
          cwd: gitRepo,
        });
      }),
    );
  }
  await fs.rm(root, { recursive: true, force: true });

  const ms = (v: number) => `${v.toFixed(2)} ms`;
  process.stdout.write(
    [
      'provisioning benchmark (medians)',
      '',
      '| measurement | median | baseline | baseline median | ratio |',
      '| --- | --- | --- | --- | --- |',
      `| prepareNamespaceBundle: validate + render + serialise (200 runs, 2,000 other tenants) | ${ms(
        median(renderTimes),
      )} | serialise the same objects only | ${ms(median(serializeTimes))} | ${(
        median(renderTimes) / median(serializeTimes)
      ).toFixed(2)}x |`,
      `| whole tenancy:namespace:create run, local git publisher (${runs} runs) | ${ms(
        median(actionTimes),
      )} | commit the same files to a branch with plain git | ${ms(
        median(gitTimes),
      )} | ${(median(actionTimes) / median(gitTimes)).toFixed(2)}x |`,
      '',
    ].join('\n'),
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
