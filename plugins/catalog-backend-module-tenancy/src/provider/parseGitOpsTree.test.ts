import { Entity } from '@backstage/catalog-model';
import {
  GitOpsLayout,
  renderNamespaceEntity,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { stringify } from 'yaml';
import { parseGitOpsTree, TreeFile } from './parseGitOpsTree';
import { ANNOTATION_INGESTION_ERROR } from './ingestionError';

const layout = GitOpsLayout.create();

const tenantFile = (name: string, spec: object = {}): TreeFile => ({
  path: layout.tenantFile(name),
  content: stringify({
    apiVersion: 'tenancy.io/v1alpha1',
    kind: 'Tenant',
    metadata: { name },
    spec: {
      owner: `group:default/team-${name}`,
      costCenter: 'CC-1',
      environments: ['dev', 'prod'],
      ...spec,
    },
  }),
});

const namespaceFile = (
  tenant: string,
  environment: string,
  namespace: string,
  cluster = 'c1',
  patch: (e: Entity) => void = () => {},
): TreeFile => {
  const entity = renderNamespaceEntity({
    tenant,
    environment,
    namespace,
    cluster,
    owner: `group:default/team-${tenant}`,
    costCenter: 'CC-1',
  });
  patch(entity);
  return {
    path: layout.namespaceEntityFile(tenant, environment, namespace),
    content: stringify(entity),
  };
};

const clusterFile = (name: string): TreeFile => ({
  path: layout.clusterFile(name),
  content: stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  }),
});

/** "Billion laughs": nine levels of nine aliases, 9^9 strings once expanded. */
const aliasBomb = (name: string) =>
  [
    'apiVersion: tenancy.io/v1alpha1',
    'kind: Tenant',
    `metadata: { name: ${name} }`,
    'spec:',
    '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...Array.from({ length: 8 }, (_, i) => {
      const a = `*l${i}`;
      return `  l${i + 1}: &l${i + 1} [${Array(9).fill(a).join(', ')}]`;
    }),
    '',
  ].join('\n');

const parse = (files: TreeFile[]) =>
  parseGitOpsTree({ files, layout, locationOf: path => `file:/repo/${path}` });

const errorOf = (entities: Entity[], name: string) =>
  entities.find(e => e.metadata.name === name)?.metadata.annotations?.[
    ANNOTATION_INGESTION_ERROR
  ];

describe('parseGitOpsTree', () => {
  it('emits clusters, tenants and namespaces with their locations', () => {
    const { entities, problems } = parse([
      clusterFile('c1'),
      tenantFile('payments'),
      namespaceFile('payments', 'dev', 'payments-dev'),
      {
        path: 'tenants/payments/dev/payments-dev/namespace.yaml',
        content: 'not: read',
      },
      { path: 'README.md', content: '# repo' },
    ]);

    expect(problems).toEqual([]);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
      'Resource:c1',
      'Resource:payments-dev',
      'Tenant:payments',
    ]);
    const ns = entities.find(e => e.metadata.name === 'payments-dev')!;
    expect(ns.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location':
        'file:/repo/tenants/payments/dev/payments-dev/catalog-info.yaml',
      'backstage.io/managed-by-origin-location':
        'file:/repo/tenants/payments/dev/payments-dev/catalog-info.yaml',
    });
    expect(ns.spec?.dependsOn).toEqual(['resource:c1']);
  });

  it("keeps the files' own annotations, such as those of the Argo CD plugins", () => {
    const argocd = {
      'argocd/app-name': 'payments-api,payments-worker',
      'argocd/app-selector': 'team=payments,env in (dev)',
      'argocd/instance-name': 'argocd-edge',
    };
    const tenant = tenantFile('payments');
    const { entities, problems } = parse([
      {
        ...tenant,
        content: tenant.content.replace(
          'metadata:\n  name: payments\n',
          `metadata:\n  name: payments\n  annotations:\n${Object.entries(argocd)
            .map(([k, v]) => `    ${k}: "${v}"\n`)
            .join('')}`,
        ),
      },
      namespaceFile('payments', 'dev', 'payments-dev', 'c1', e => {
        Object.assign(e.metadata.annotations!, argocd);
      }),
    ]);
    expect(problems).toEqual([]);
    for (const name of ['payments', 'payments-dev']) {
      expect(
        entities.find(e => e.metadata.name === name)!.metadata.annotations,
      ).toMatchObject(argocd);
    }
  });

  it('adds the cluster dependency when a hand-written file lacks it', () => {
    const { entities } = parse([
      tenantFile('payments'),
      namespaceFile('payments', 'dev', 'payments-dev', 'c2', e => {
        delete e.spec!.dependsOn;
      }),
    ]);
    expect(
      entities.find(e => e.metadata.name === 'payments-dev')!.spec?.dependsOn,
    ).toEqual(['resource:c2']);
  });

  it.each<[string, TreeFile[], string, RegExp]>([
    [
      'malformed YAML',
      [{ path: layout.tenantFile('broken'), content: 'metadata: [unclosed' }],
      'broken',
      /tenants\/broken\/tenant.yaml: is not valid YAML/,
    ],
    [
      'two documents in a tenant file',
      [
        {
          path: layout.tenantFile('two'),
          content: `${tenantFile('two').content}---\n${
            tenantFile('two').content
          }`,
        },
      ],
      'two',
      /must hold exactly one entity, found 2/,
    ],
    [
      'a tenant named unlike its folder',
      [
        {
          path: layout.tenantFile('folder'),
          content: tenantFile('other').content,
        },
      ],
      'other',
      /metadata.name "other" must match the tenant folder "folder"/,
    ],
    [
      'a tenant folder that is not a DNS-1123 label',
      [
        {
          path: layout.tenantFile('Pay_ments'),
          content: tenantFile('Pay_ments').content,
        },
      ],
      'Pay_ments',
      /tenant folder name "Pay_ments" must be a DNS-1123 label/,
    ],
    [
      'a namespace name that breaks DNS-1123 rules',
      [
        tenantFile('payments'),
        namespaceFile('payments', 'dev', 'payments.dev'),
      ],
      'payments.dev',
      /namespace name "payments.dev" must be a DNS-1123 label/,
    ],
    [
      'a namespace of a tenant without tenant.yaml',
      [namespaceFile('ghost', 'dev', 'ghost-dev')],
      'ghost-dev',
      /tenant "ghost" has no tenant.yaml/,
    ],
    [
      'a namespace in an environment its tenant may not use',
      [
        tenantFile('payments'),
        namespaceFile('payments', 'staging', 'payments-staging'),
      ],
      'payments-staging',
      /environment "staging" is not one of tenant payments's environments \(dev, prod\)/,
    ],
    [
      'a namespace whose tenant annotation names another tenant',
      [
        tenantFile('payments'),
        namespaceFile('payments', 'dev', 'payments-dev', 'c1', e => {
          e.metadata.annotations!['tenancy.io/tenant'] = 'checkout';
        }),
      ],
      'payments-dev',
      /annotation tenancy.io\/tenant "checkout" must name the tenant folder "payments"/,
    ],
    [
      'a namespace without a cluster',
      [
        tenantFile('payments'),
        namespaceFile('payments', 'dev', 'payments-dev', 'c1', e => {
          delete e.metadata.annotations!['backstage.io/kubernetes-cluster'];
        }),
      ],
      'payments-dev',
      /annotation backstage.io\/kubernetes-cluster is required/,
    ],
    [
      'a file that is not a namespace or vCluster',
      [
        tenantFile('payments'),
        namespaceFile('payments', 'dev', 'payments-dev', 'c1', e => {
          e.spec!.type = 'database';
        }),
      ],
      'payments-dev',
      /must be a Resource of spec.type kubernetes-namespace or vcluster/,
    ],
    [
      'a YAML alias bomb',
      [{ path: layout.tenantFile('bomb'), content: aliasBomb('bomb') }],
      'bomb',
      /tenants\/bomb\/tenant.yaml: uses more YAML aliases than allowed \(at most 50 resolutions\)/,
    ],
    [
      'a file over 256 KiB',
      [
        tenantFile('big', {
          description: 'x'.repeat(300_000),
        }),
      ],
      'big',
      /tenants\/big\/tenant.yaml: is 300\d{3} bytes; at most 262144/,
    ],
    [
      'a file whose size the reader reported without reading it',
      [{ path: layout.tenantFile('huge'), content: '', size: 10_000_000 }],
      'huge',
      /tenants\/huge\/tenant.yaml: is 10000000 bytes; at most 262144/,
    ],
  ])(
    'isolates %s with a located error',
    (_name, files, entityName, message) => {
      const { entities, problems } = parse([
        ...files,
        tenantFile('healthy'),
        namespaceFile('healthy', 'dev', 'healthy-dev'),
      ]);

      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(message);
      expect(errorOf(entities, entityName)).toMatch(message);
      expect(errorOf(entities, 'healthy')).toBeUndefined();
      expect(errorOf(entities, 'healthy-dev')).toBeUndefined();
    },
  );

  it('marks every claim of a namespace claimed by two tenants, naming the other file', () => {
    const { entities, problems } = parse([
      tenantFile('payments'),
      tenantFile('checkout'),
      namespaceFile('payments', 'dev', 'shared-dev'),
      namespaceFile('checkout', 'dev', 'shared-dev'),
      namespaceFile('checkout', 'prod', 'checkout-prod', 'c2'),
    ]);

    expect(problems.map(p => p.path).sort()).toEqual([
      'tenants/checkout/dev/shared-dev/catalog-info.yaml',
      'tenants/payments/dev/shared-dev/catalog-info.yaml',
    ]);
    expect(problems[0].message).toMatch(
      /namespace "shared-dev" on cluster "c1" is claimed by several tenants \(also in tenants\/payments\/dev\/shared-dev\/catalog-info.yaml\)/,
    );
    expect(errorOf(entities, 'checkout-prod')).toBeUndefined();
  });

  it('gives a broken file without a usable name a stand-in entity, never a crash', () => {
    const { entities, problems } = parse([
      {
        path: layout.namespaceEntityFile('payments', 'dev', 'Bad Name'),
        content: '[1, 2]',
      },
      tenantFile('payments'),
    ]);

    expect(problems).toHaveLength(1);
    const standIn = entities.find(e => e.metadata.name.startsWith('invalid-'))!;
    expect(standIn.kind).toBe('Resource');
    expect(standIn.metadata.annotations?.[ANNOTATION_INGESTION_ERROR]).toMatch(
      /Bad Name\/catalog-info.yaml: must hold an entity object/,
    );
  });

  /* eslint-disable no-script-url -- hostile links are what these tests feed in */
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
  ])(
    'refuses the link %j, naming the file and the field, and keeps it off the entity',
    url => {
      const { entities, problems } = parse([
        tenantFile('payments'),
        namespaceFile('payments', 'dev', 'payments-dev', 'c1', e => {
          e.metadata.links = [
            { url, title: 'Runbook' },
            { url: 'https://runbooks.example.com/payments', title: 'Safe' },
          ];
        }),
        tenantFile('healthy'),
      ]);

      expect(problems).toHaveLength(1);
      const message =
        /tenants\/payments\/dev\/payments-dev\/catalog-info.yaml: metadata.links\[0\].url must be an http: or https: URL, found (javascript|data|vbscript):/;
      expect(problems[0].message).toMatch(message);
      const ns = entities.find(e => e.metadata.name === 'payments-dev')!;
      expect(errorOf(entities, 'payments-dev')).toMatch(message);
      expect(ns.metadata.links).toEqual([
        { url: 'https://runbooks.example.com/payments', title: 'Safe' },
      ]);
      expect(errorOf(entities, 'healthy')).toBeUndefined();
    },
  );

  it('refuses links that are not absolute URLs and javascript: in the view and edit annotations', () => {
    const { entities, problems } = parse([
      {
        path: layout.tenantFile('payments'),
        content: stringify({
          apiVersion: 'tenancy.io/v1alpha1',
          kind: 'Tenant',
          metadata: {
            name: 'payments',
            links: [{ url: 'http://ok.example.com' }, { url: '/relative' }],
            annotations: {
              'backstage.io/view-url': 'javascript:alert(1)',
              'backstage.io/edit-url': 'https://github.com/acme/gitops',
            },
          },
          spec: { owner: 'group:default/team-payments', costCenter: 'CC-1' },
        }),
      },
    ]);

    expect(problems[0].message).toBe(
      'tenants/payments/tenant.yaml: metadata.links[1].url must be an absolute http: or https: URL; metadata.annotations.backstage.io/view-url must be an http: or https: URL, found javascript:',
    );
    const tenant = entities[0];
    expect(tenant.metadata.links).toEqual([{ url: 'http://ok.example.com' }]);
    expect(tenant.metadata.annotations).not.toHaveProperty([
      'backstage.io/view-url',
    ]);
    expect(tenant.metadata.annotations).toHaveProperty(
      ['backstage.io/edit-url'],
      'https://github.com/acme/gitops',
    );
  });

  /* eslint-enable no-script-url */

  it('keeps http: and https: links of a valid file', () => {
    const links = [
      { url: 'https://grafana.example.com/d/payments', title: 'Dashboard' },
      { url: 'http://wiki.example.com/payments' },
    ];
    const { entities, problems } = parse([
      tenantFile('payments'),
      namespaceFile('payments', 'dev', 'payments-dev', 'c1', e => {
        e.metadata.links = links;
      }),
    ]);
    expect(problems).toEqual([]);
    expect(
      entities.find(e => e.metadata.name === 'payments-dev')!.metadata.links,
    ).toEqual(links);
  });
});
