import { parse } from 'yaml';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import { namespaceNamePart } from './namespaceNamePart';
import { prepareNamespaceCreate } from './prepareNamespaceCreate';
import { prepareNamespaceUpdate } from './prepareNamespaceUpdate';
import { prepareTenantCreate } from './prepareTenantCreate';
import { prepareVClusterCreate } from './prepareVClusterCreate';
import type { ProvisioningContext } from './ProvisioningContext';

const policy: TenancyPolicy = {
  environments: {
    dev: {
      clusters: ['nonprod-eu-1'],
      podSecurity: 'baseline',
      ceiling: {
        'requests.cpu': '8',
        'limits.cpu': '16',
        'requests.memory': '32Gi',
        'limits.memory': '64Gi',
        pods: '100',
      },
    },
  },
  reservedNamespaces: ['default'],
  reservedPrefixes: ['kube-'],
  nodePools: ['general'],
  quotaSizes: {
    S: {
      'requests.cpu': '1',
      'limits.cpu': '2',
      'requests.memory': '2Gi',
      'limits.memory': '4Gi',
      pods: '20',
    },
  },
  clusterRoles: ['edit'],
  argocd: { sourceRepos: ['https://git.example.com/{tenant}.git'] },
  vcluster: {
    chartRepo: 'https://charts.loft.sh',
    chartVersion: '0.36.1',
    project: 'platform-vclusters',
  },
};
const context: ProvisioningContext = {
  policy,
  layout: GitOpsLayout.create(),
  tenants: ['payments', 'checkout'],
  requestedBy: 'user:default/alex',
};
const tenant: TenantEntityV1alpha1 = {
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments' },
  spec: {
    owner: 'group:default/team-payments',
    costCenter: 'CC-1001',
    ssoGroup: 'payments-developers',
    environments: ['dev'],
    isolation: 'both',
  },
};
const owner = 'group:default/team-payments';
const placement = {
  tenant: 'payments',
  environment: 'dev',
  cluster: 'nonprod-eu-1',
};
const rules = (problems: Array<{ field: string; rule: string }>) =>
  problems.map(p => `${p.field} ${p.rule}`);

describe('request preparation', () => {
  it('renders a sized namespace with the resolved quota and a body listing every file', () => {
    const prepared = prepareNamespaceCreate(
      { ...placement, name: 'api', size: 'S', quota: { pods: '30' } },
      { tenant, owner, context },
    );
    expect(prepared.problems).toEqual([]);
    expect(prepared.namespace).toBe('payments-api-dev');
    expect(prepared.quota).toMatchObject({ 'requests.cpu': '1', pods: '30' });
    expect(prepared.subject).toBe('payments-api-dev');
    const paths = Object.keys(prepared.files);
    expect(paths).toContain(
      'tenants/payments/dev/payments-api-dev/resourcequota.yaml',
    );
    const body = prepared.describe(paths, prepared.checks);
    expect(body).toContain('**user:default/alex** asks for namespace');
    // Code spans hold their text as it is: no escaping backslashes inside.
    expect(body).toContain(
      'cost center: `CC-1001` · SSO group `payments-developers` bound to',
    );
    for (const path of paths) expect(body).toContain(`\`${path}\``);
  });

  it('bounds every resource of the ceiling the request does not name, but never the required ones', () => {
    const withStorage = {
      ...context,
      policy: {
        ...policy,
        environments: {
          dev: {
            ...policy.environments.dev,
            ceiling: {
              ...policy.environments.dev.ceiling,
              'requests.storage': '500Gi',
            },
          },
        },
      },
    };
    const prepared = prepareNamespaceCreate(
      { ...placement, size: 'S' },
      { tenant, owner, context: withStorage },
    );
    expect(prepared.quota['requests.storage']).toBe('500Gi');
    expect(prepared.quota.pods).toBe('20');
    const bare = prepareNamespaceCreate(
      { ...placement },
      { tenant, owner, context: withStorage },
    );
    expect(rules(bare.problems)).toEqual(
      expect.arrayContaining([
        'quota.requests.cpu required',
        'quota.limits.memory required',
      ]),
    );
  });

  it('refuses an unknown size by its field, and renders nothing', () => {
    const prepared = prepareNamespaceCreate(
      { ...placement, size: 'XXL' },
      { tenant, owner, context },
    );
    expect(rules(prepared.problems)).toContain('size known-size');
    expect(prepared.files).toEqual({});
  });

  it('names the first namespace of a tenant whose size is unknown', () => {
    const prepared = prepareTenantCreate(
      {
        name: 'search',
        owner: 'group:default/team-search',
        costCenter: 'CC-1003',
        ssoGroup: 'search-developers',
        environments: ['dev'],
        namespaces: [
          { environment: 'dev', cluster: 'nonprod-eu-1', size: 'S' },
          {
            environment: 'dev',
            cluster: 'nonprod-eu-1',
            name: 'web',
            size: 'XL',
          },
        ],
      },
      { context, ownerExists: false },
    );
    expect(rules(prepared.problems)).toEqual(
      expect.arrayContaining(['namespaces[1].size known-size', 'owner exists']),
    );
    expect(prepared.files).toEqual({});
  });

  it('onboards a tenant with its AppProject listing its first namespaces', () => {
    const prepared = prepareTenantCreate(
      {
        name: 'search',
        owner: 'group:default/team-search',
        costCenter: 'CC-1003',
        ssoGroup: 'search-developers',
        environments: ['dev'],
        namespaces: [
          { environment: 'dev', cluster: 'nonprod-eu-1', size: 'S' },
        ],
      },
      { context, ownerExists: true },
    );
    expect(prepared.problems).toEqual([]);
    expect(prepared.namespaces).toEqual(['search-dev']);
    expect(
      prepared.describe(Object.keys(prepared.files), prepared.checks),
    ).toContain('Cost center `CC-1003` · SSO group `search-developers`');
    expect(prepared.files['tenants/search/appproject.yaml']).toContain(
      'namespace: search-dev',
    );
  });

  it("writes the tenant's own guardrails when the platform has an engine, with its registries", () => {
    const draft = {
      name: 'search',
      owner: 'group:default/team-search',
      costCenter: 'CC-1003',
      ssoGroup: 'search-developers',
      environments: ['dev'],
      allowedRegistries: ['ghcr.io/acme-search/'],
    };
    const withEngine: ProvisioningContext = {
      ...context,
      policy: {
        ...policy,
        guardrails: {
          engine: 'kyverno',
          allowedRegistries: ['registry.acme.internal/'],
          disallowLatestTagIn: ['prod'],
          enforceIn: ['prod'],
          controllerUsers: [],
        },
      },
    };
    const prepared = prepareTenantCreate(draft, {
      context: withEngine,
      ownerExists: true,
    });
    expect(prepared.problems).toEqual([]);
    expect(
      parse(prepared.files['tenants/search/tenant.yaml']).spec
        .allowedRegistries,
    ).toEqual(['ghcr.io/acme-search/']);
    const policies = prepared.files['tenants/search/guardrails.yaml'];
    expect(policies).toContain('kind: ValidatingPolicy');
    expect(policies).toContain(
      '["registry.acme.internal/","ghcr.io/acme-search/"]',
    );
    // No engine, no file.
    expect(
      Object.keys(
        prepareTenantCreate(draft, { context, ownerExists: true }).files,
      ),
    ).not.toContain('tenants/search/guardrails.yaml');
    // A broken registry is refused by its field, and nothing is written.
    const broken = prepareTenantCreate(
      { ...draft, allowedRegistries: ['ghcr.io/acme-search'] },
      { context: withEngine, ownerExists: true },
    );
    expect(rules(broken.problems)).toEqual([
      'allowedRegistries[0] trailing-slash',
    ]);
    expect(broken.files).toEqual({});
  });

  it('changes a namespace by its existing name, and refuses an empty change or a foreign name', () => {
    const update = (namespace: string, settings: object) =>
      prepareNamespaceUpdate(
        {
          namespace,
          environment: 'dev',
          cluster: 'nonprod-eu-1',
          current: {},
          ...settings,
        },
        { tenant, owner, context },
      );
    const changed = update('payments-api-dev', { size: 'S' });
    expect(changed.problems).toEqual([]);
    expect(changed.subject).toBe('payments-api-dev-update');
    // Without a ResourceQuota or LimitRange on the base branch, both are rendered afresh.
    expect(Object.keys(changed.files).sort()).toEqual([
      'tenants/payments/dev/payments-api-dev/limitrange.yaml',
      'tenants/payments/dev/payments-api-dev/resourcequota.yaml',
    ]);
    expect(rules(update('payments-api-dev', {}).problems)).toEqual([
      'size something-to-change',
    ]);
    expect(rules(update('legacy-team-ns', { size: 'S' }).problems)).toEqual([
      'namespace tenant-naming',
    ]);
  });

  it('changes only what it is asked to: the LimitRange, labels and other fields stay as on the base branch', () => {
    const created = prepareNamespaceCreate(
      {
        ...placement,
        name: 'api',
        size: 'S',
        limits: { max: { cpu: '1500m' } },
        labels: { team: 'payments' },
      },
      { tenant, owner, context },
    );
    const dir = 'tenants/payments/dev/payments-api-dev';
    const current = {
      namespace: created.files[`${dir}/namespace.yaml`],
      // A reviewer's hand edit on the base branch: an annotation the update must keep.
      quota: created.files[`${dir}/resourcequota.yaml`].replace(
        'metadata:\n',
        'metadata:\n  annotations:\n    reviewed-by: platform\n',
      ),
      limits: created.files[`${dir}/limitrange.yaml`],
    };
    const update = prepareNamespaceUpdate(
      {
        namespace: 'payments-api-dev',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        quota: { pods: '40' },
        current,
      },
      { tenant, owner, context },
    );
    expect(update.problems).toEqual([]);
    expect(Object.keys(update.files)).toEqual([`${dir}/resourcequota.yaml`]);
    const quota = parse(update.files[`${dir}/resourcequota.yaml`]);
    expect(quota.spec.hard).toMatchObject({ pods: '40', 'limits.cpu': '2' });
    expect(quota.metadata.annotations).toEqual({ 'reviewed-by': 'platform' });

    const relabel = prepareNamespaceUpdate(
      {
        namespace: 'payments-api-dev',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        labels: { tier: 'gold' },
        current,
      },
      { tenant, owner, context },
    );
    const ns = parse(relabel.files[`${dir}/namespace.yaml`]);
    expect(ns.metadata.labels).toMatchObject({
      team: 'payments',
      tier: 'gold',
      'tenancy.io/tenant': 'payments',
    });
    expect(Object.keys(relabel.files)).toEqual([`${dir}/namespace.yaml`]);

    // A quota below the LimitRange's max is refused, naming the LimitRange.
    const shrink = prepareNamespaceUpdate(
      {
        namespace: 'payments-api-dev',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        quota: { 'limits.cpu': '1' },
        current,
      },
      { tenant, owner, context },
    );
    expect(rules(shrink.problems)).toContain('limits.max.cpu within-quota');
    const same = prepareNamespaceUpdate(
      {
        namespace: 'payments-api-dev',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        quota: { pods: '20' },
        current,
      },
      { tenant, owner, context },
    );
    expect(rules(same.problems)).toEqual(['namespace unchanged']);
  });

  it('checks the rendered vCluster values with the validator it is given', () => {
    const seen: unknown[] = [];
    const prepared = prepareVClusterCreate(
      {
        ...placement,
        name: 'sandbox',
        size: 'S',
        // Room for the chart's control plane (4Gi) and CoreDNS.
        quota: { 'limits.memory': '8Gi' },
        nodePool: 'general',
      },
      {
        tenant,
        owner,
        context,
        validateValues: values => {
          seen.push(values);
          return [{ field: 'values', rule: 'schema', message: 'refused' }];
        },
      },
    );
    expect(prepared.name).toBe('payments-vc-sandbox-dev');
    expect(seen).toHaveLength(1);
    expect(rules(prepared.problems)).toEqual(['values schema']);
    expect(prepared.files).toEqual({});
  });
});

describe('namespaceNamePart', () => {
  it('inverts composeNamespaceName', () => {
    expect(namespaceNamePart('payments-dev', 'payments', 'dev')).toEqual({});
    expect(namespaceNamePart('payments-api-v2-dev', 'payments', 'dev')).toEqual(
      { name: 'api-v2' },
    );
    expect(
      namespaceNamePart('payments--dev', 'payments', 'dev').problem?.rule,
    ).toBe('tenant-naming');
  });
});
