/*
 * Writes a GitOps repository in the layout of docs/gitops-layout.md, with the
 * renderers the provisioning actions use.
 *
 *   yarn tsx scripts/generate-gitops-repo.ts --out DIR [--tenants N] [--namespaces N]
 *   yarn tsx scripts/generate-gitops-repo.ts --example   # rewrites examples/gitops-repo
 *
 * --tenants/--namespaces make a synthetic fleet for benchmarks: N tenants with
 * N namespaces each, spread over environments and two clusters.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import {
  changeProjectFile,
  GitOpsLayout,
  PreparedChange,
  prepareTenantCreate,
  prepareVClusterCreate,
  ProvisioningContext,
  renderBootstrap,
  serializeBundle,
  serializeManifests,
  TenancyPolicy,
  TenantDraft,
  VCLUSTER_PROJECT_FILE,
  renderFluxBootstrap,
  vclusterArgoCluster,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { readTenancyPolicy } from '@tenancy-plugins/backstage-plugin-tenancy-node';

interface TenantSpec {
  name: string;
  title: string;
  description: string;
  owner: string;
  costCenter: string;
  ssoGroup: string;
  environments: string[];
  isolation: 'namespaces' | 'vclusters' | 'both';
  tier: string;
  /** Middle parts of extra namespaces per environment, besides `<tenant>-<env>`. */
  extraNamespaces?: string[];
  /** vClusters, as `<name>@<environment>`. */
  vclusters?: string[];
}

const CLUSTERS = {
  'nonprod-eu-1': 'Shared cluster for dev and staging namespaces.',
  'prod-eu-1': 'Shared production cluster.',
  'nonprod-eu-2': 'QA cluster, reconciled by Flux.',
};
const QUOTA = {
  'requests.cpu': '2',
  'limits.cpu': '4',
  'requests.memory': '4Gi',
  'limits.memory': '8Gi',
  pods: '30',
};
const LIMITS = {
  defaultRequest: { cpu: '100m', memory: '128Mi' },
  default: { cpu: '500m', memory: '512Mi' },
  max: { cpu: '2', memory: '4Gi' },
};

/** The embedded default's policy: the examples obey what its actions enforce. */
function embeddedPolicy(): TenancyPolicy {
  const appConfig = parse(
    readFileSync(resolve(__dirname, '../app-config.yaml'), 'utf8'),
  );
  return readTenancyPolicy(new ConfigReader(appConfig));
}

const EXAMPLE_TENANTS: TenantSpec[] = [
  {
    name: 'payments',
    title: 'Payments',
    description: 'Card payments and refunds.',
    owner: 'group:default/team-payments',
    costCenter: 'CC-1001',
    ssoGroup: 'payments-developers',
    environments: ['dev', 'staging', 'qa', 'prod'],
    isolation: 'namespaces',
    tier: 'large',
    extraNamespaces: ['api'],
  },
  {
    name: 'checkout',
    title: 'Checkout',
    description: 'Basket and checkout flow.',
    owner: 'group:default/team-checkout',
    costCenter: 'CC-1002',
    ssoGroup: 'checkout-developers',
    environments: ['dev', 'staging', 'prod'],
    isolation: 'both',
    tier: 'medium',
    vclusters: ['preview@dev'],
  },
  {
    name: 'data-platform',
    title: 'Data platform',
    description: 'Batch pipelines and the analytics warehouse loaders.',
    owner: 'group:default/team-data',
    costCenter: 'CC-2001',
    ssoGroup: 'data-engineers',
    environments: ['dev', 'staging', 'prod'],
    isolation: 'both',
    tier: 'large',
    vclusters: ['sandbox@dev'],
  },
  {
    name: 'search',
    title: 'Search',
    description: 'Product search and recommendations.',
    owner: 'group:default/team-search',
    costCenter: 'CC-1003',
    ssoGroup: 'search-developers',
    environments: ['dev', 'prod'],
    isolation: 'namespaces',
    tier: 'small',
  },
];

function syntheticTenants(count: number, namespaces: number): TenantSpec[] {
  const environments = ['dev', 'staging', 'prod'];
  return Array.from({ length: count }, (_, i) => {
    const name = `tenant-${String(i).padStart(4, '0')}`;
    const extra = Array.from(
      { length: Math.max(0, Math.ceil(namespaces / environments.length) - 1) },
      (_x, j) => `svc${j}`,
    );
    return {
      name,
      title: `Tenant ${i}`,
      description: `Synthetic tenant ${i}`,
      owner: `group:default/team-${i % 50}`,
      costCenter: `CC-${1000 + (i % 400)}`,
      ssoGroup: `${name}-developers`,
      environments,
      isolation: 'namespaces',
      tier: 'medium',
      extraNamespaces: extra,
      namespaceLimit: namespaces,
    } as TenantSpec & { namespaceLimit: number };
  });
}

/** A tenant's files, prepared as tenancy:tenant:create and tenancy:vcluster:create prepare them. */
function tenantFiles(
  t: TenantSpec & { namespaceLimit?: number },
  context: ProvisioningContext,
  /** The files of the tenants before this one. */
  written: Record<string, string>,
): Record<string, string> {
  const namespaces: NonNullable<TenantDraft['namespaces']> = [];
  for (const name of [undefined, ...(t.extraNamespaces ?? [])]) {
    for (const environment of t.environments) {
      if (
        t.namespaceLimit !== undefined &&
        namespaces.length >= t.namespaceLimit
      )
        break;
      const cluster = context.policy.environments[environment].clusters[0];
      namespaces.push({
        environment,
        cluster,
        name,
        quota: QUOTA,
        limits: LIMITS,
      });
    }
  }
  const { vclusters, extraNamespaces, namespaceLimit, ...spec } = t;
  const others = {
    ...context,
    tenants: context.tenants.filter(n => n !== t.name),
  };
  const tenant = prepareTenantCreate(
    { ...spec, namespaces },
    { context: others, ownerExists: true },
  );
  const files = { ...checked(t.name, tenant) };
  for (const vcluster of vclusters ?? []) {
    const [name, environment] = vcluster.split('@');
    const prepared = prepareVClusterCreate(
      {
        tenant: t.name,
        environment,
        cluster: context.policy.environments[environment].clusters[0],
        name,
        quota: QUOTA,
        limits: LIMITS,
        nodePool: 'general',
      },
      {
        tenant: tenant.entity,
        owner: t.owner,
        context,
        // The vClusters' project lists every vCluster written so far.
        currentVClusterProject:
          files[VCLUSTER_PROJECT_FILE] ?? written[VCLUSTER_PROJECT_FILE],
      },
    );
    Object.assign(files, checked(`${t.name} vCluster ${name}`, prepared));
    // As tenancy:vcluster:create adds it against the base branch.
    Object.assign(
      files,
      changeProjectFile({
        current: files[context.layout.tenantProjectFile(t.name)],
        layout: context.layout,
        policy: context.policy,
        tenant: { name: t.name, ssoGroup: t.ssoGroup },
        add: vclusterArgoCluster(prepared.name).destination,
      }),
    );
  }
  return files;
}

function checked(what: string, prepared: PreparedChange) {
  if (prepared.problems.length > 0) {
    throw new Error(
      `${what} breaks the policy: ${JSON.stringify(prepared.problems)}`,
    );
  }
  return prepared.files;
}

/**
 * Writes the example repository (no `tenants`) or a synthetic fleet of
 * `tenants` tenants with `namespaces` namespaces each; returns the file count.
 */
export async function writeGitOpsRepo(options: {
  out: string;
  tenants?: number;
  namespaces?: number;
}): Promise<number> {
  const { out } = options;
  const tenants = options.tenants
    ? syntheticTenants(options.tenants, options.namespaces ?? 5)
    : EXAMPLE_TENANTS;

  const layout = GitOpsLayout.create();
  const policy = embeddedPolicy();
  const context: ProvisioningContext = {
    policy,
    layout,
    tenants: tenants.map(t => t.name),
    requestedBy: '',
  };
  const files: Record<string, string> = {};
  for (const [cluster, description] of Object.entries(CLUSTERS)) {
    files[layout.clusterFile(cluster)] = serializeManifests([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: cluster, description },
        spec: {
          type: 'kubernetes-cluster',
          owner: 'group:default/platform-team',
        },
      },
    ]);
  }
  for (const t of tenants) {
    Object.assign(files, tenantFiles(t, context, files));
  }
  Object.assign(
    files,
    serializeBundle(
      renderBootstrap({
        layout,
        repoURL: 'https://github.com/acme/platform-gitops',
        revision: 'main',
        policy,
      }),
    ),
  );
  // The Flux clusters' bootstrap: the tenants with folders in their environments.
  for (const [cluster, { engine }] of Object.entries(policy.clusters ?? {})) {
    if (engine !== 'flux') continue;
    Object.assign(
      files,
      serializeBundle(
        renderFluxBootstrap({
          layout,
          cluster,
          url: 'https://github.com/acme/platform-gitops',
          branch: 'main',
          policy,
          tenants: tenants.map(t => ({
            tenant: t.name,
            environments: t.environments,
          })),
        }),
      ),
    );
  }

  await fs.rm(join(out, layout.tenantsPath), { recursive: true, force: true });
  await fs.rm(join(out, layout.clustersPath), { recursive: true, force: true });
  await fs.rm(join(out, 'bootstrap'), { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    await fs.mkdir(dirname(join(out, path)), { recursive: true });
    await fs.writeFile(join(out, path), content);
  }
  return Object.keys(files).length;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      example: { type: 'boolean', default: false },
      tenants: { type: 'string' },
      namespaces: { type: 'string', default: '5' },
    },
  });
  const out = values.example
    ? resolve(__dirname, '../examples/gitops-repo')
    : values.out && resolve(values.out);
  if (!out) {
    throw new Error('--out DIR or --example is required');
  }
  const count = await writeGitOpsRepo({
    out,
    tenants: values.tenants ? Number(values.tenants) : undefined,
    namespaces: Number(values.namespaces),
  });
  process.stdout.write(`wrote ${count} files to ${out}\n`);
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
