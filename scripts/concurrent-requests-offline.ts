/*
 * The concurrent-requests check without a running backend: in a fresh copy
 * of the example GitOps repository, opens N namespace requests for one
 * tenant at once, prepared as `tenancy:namespace:create` prepares them
 * (prepareNamespaceCreate and changeProjectFile against the base branch,
 * with the embedded default's policy from app-config.yaml), then merges them
 * one after another in a shuffled order with the documented command
 * (`yarn gitops:merge --repo <copy> <number>`) and checks every merge was
 * clean, the repository is clean and the tenant's AppProject lists all N.
 *
 *   yarn tsx scripts/concurrent-requests-offline.ts [--requests 20] [--tenant payments]
 *
 * Exits 1 if a check fails. The copy is left in the temp folder it names.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { ConfigReader } from '@backstage/config';
import {
  changeProjectFile,
  prepareNamespaceCreate,
  TenantEntityV1alpha1,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  LocalGitPublisher,
  readTenancyConfig,
  requestBranch,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { parse } from 'yaml';

const exec = promisify(execFile);
const root = resolve(__dirname, '..');

async function main() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20' },
      tenant: { type: 'string', default: 'payments' },
      environment: { type: 'string', default: 'dev' },
      cluster: { type: 'string', default: 'nonprod-eu-1' },
    },
  });
  const n = Number(values.requests);
  const appConfig = parse(
    await fs.readFile(join(root, 'app-config.yaml'), 'utf8'),
  );
  const { layout, policy } = readTenancyConfig(new ConfigReader(appConfig));
  const path = join(
    await fs.mkdtemp(join(tmpdir(), 'tenancy-concurrency-')),
    'repo',
  );
  const publisher = await LocalGitPublisher.open({
    path,
    seedFrom: join(root, 'examples/gitops-repo'),
  });
  const tenantsDir = join(root, 'examples/gitops-repo', layout.tenantsPath);
  const tenants = await fs.readdir(tenantsDir);
  const tenant: TenantEntityV1alpha1 = parse(
    await fs.readFile(join(tenantsDir, values.tenant!, 'tenant.yaml'), 'utf8'),
  );
  const context = {
    policy,
    layout,
    tenants,
    requestedBy: 'user:default/guest',
  };
  const projectFile = layout.tenantProjectFile(values.tenant!);
  const before = parse((await publisher.readFile(projectFile))!).spec
    .destinations.length;

  const started = Date.now();
  const opened = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const prepared = prepareNamespaceCreate(
        {
          tenant: values.tenant!,
          environment: values.environment!,
          cluster: values.cluster!,
          name: `c${String(i).padStart(2, '0')}`,
          size: 'S',
          purpose: 'Concurrent request check',
        },
        { tenant, owner: tenant.spec.owner, context },
      );
      if (prepared.problems.length) {
        throw new Error(JSON.stringify(prepared.problems));
      }
      const request = prepared.request!;
      const files = {
        ...prepared.files,
        ...changeProjectFile({
          current: await publisher.readFile(projectFile),
          layout,
          policy,
          tenant: { name: request.tenant, ssoGroup: request.ssoGroup },
          add: { cluster: request.cluster, namespace: prepared.namespace },
        }),
      };
      const result = await publisher.publish({
        branch: requestBranch(values.tenant!, prepared.subject),
        title: prepared.title,
        body: prepared.describe(Object.keys(files), prepared.checks),
        files,
        fingerprint: Buffer.from(prepared.namespace).toString('hex'),
        whenOpenDiffers: 'conflict',
        requestedBy: context.requestedBy,
      });
      return { number: result.number, namespace: prepared.namespace };
    }),
  );
  process.stdout.write(
    `requests: ${opened.length} opened at once in ${
      Date.now() - started
    } ms (repository ${path})\n`,
  );

  const order = [...opened].sort(() => Math.random() - 0.5);
  let clean = 0;
  const mergeStarted = Date.now();
  for (const r of order) {
    try {
      await exec('yarn', ['gitops:merge', '--repo', path, String(r.number)], {
        cwd: root,
      });
      clean++;
    } catch (e: any) {
      process.stdout.write(
        `  merge #${r.number} failed: ${(e.stderr || e.message).trim()}\n`,
      );
    }
  }
  process.stdout.write(
    `merges: ${clean} of ${n} clean with yarn gitops:merge, in the order ${order
      .map(r => `#${r.number}`)
      .join(' ')} (${Date.now() - mergeStarted} ms)\n`,
  );

  const git = async (...args: string[]) =>
    (await exec('git', ['-C', path, ...args])).stdout.trim();
  const status = await git('status', '--porcelain');
  process.stdout.write(
    `git status --porcelain: ${status === '' ? '(clean)' : status}\n`,
  );
  const project = parse(await git('show', `HEAD:${projectFile}`));
  const listed = new Set(
    project.spec.destinations.map((d: any) => d.namespace),
  );
  const missing = opened.filter(r => !listed.has(r.namespace));
  process.stdout.write(
    `AppProject ${values.tenant}: ${
      project.spec.destinations.length
    } destinations (${before} before), ${
      n - missing.length
    } of ${n} requested namespaces listed${
      missing.length
        ? `; missing ${missing.map(m => m.namespace).join(', ')}`
        : ''
    }\n`,
  );
  const open = (await publisher.listRequests('', { limit: 1000 })).filter(
    r => r.state === 'open',
  );
  process.stdout.write(`open requests left: ${open.length}\n`);
  if (clean !== n || status !== '' || missing.length || open.length) {
    process.exit(1);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
