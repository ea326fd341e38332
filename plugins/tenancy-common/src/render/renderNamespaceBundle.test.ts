import {
  entitySchemaValidator,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';
import {
  NamespaceBundleRequest,
  renderNamespaceBundle,
} from './renderNamespaceBundle';
import { serializeManifests } from './serializeManifests';

const request = (
  patch: Partial<NamespaceBundleRequest> = {},
): NamespaceBundleRequest => ({
  tenant: 'payments',
  owner: 'group:default/team-payments',
  costCenter: 'CC-1001',
  environment: 'prod',
  cluster: 'prod-eu-1',
  namespace: 'payments-api-prod',
  ssoGroup: 'payments-developers',
  clusterRoles: ['edit', 'view'],
  podSecurity: 'restricted',
  quota: {
    'requests.cpu': '2',
    'limits.cpu': '4',
    'requests.memory': '4Gi',
    'limits.memory': '8Gi',
    pods: '20',
  },
  limits: {
    defaultRequest: { cpu: '100m', memory: '128Mi' },
    default: { cpu: '500m', memory: '512Mi' },
    max: { cpu: '2', memory: '4Gi' },
  },
  labels: { team: 'payments' },
  purpose: 'The payments API',
  requestedBy: 'user:default/alex',
  ...patch,
});

const layout = GitOpsLayout.create();
const dir = 'tenants/payments/prod/payments-api-prod';

describe('renderNamespaceBundle', () => {
  const bundle = renderNamespaceBundle(request(), layout);
  const all = Object.values(bundle).flat() as any[];
  const byKind = (kind: string) => all.filter(o => o.kind === kind);

  it('writes the bundle files into the namespace folder', () => {
    expect(Object.keys(bundle).sort()).toEqual(
      [
        'catalog-info.yaml',
        'kustomization.yaml',
        'limitrange.yaml',
        'namespace.yaml',
        'networkpolicies.yaml',
        'resourcequota.yaml',
        'rolebindings.yaml',
      ].map(f => `${dir}/${f}`),
    );
    expect(bundle[`${dir}/kustomization.yaml`][0]).toMatchObject({
      resources: [
        'namespace.yaml',
        'rolebindings.yaml',
        'resourcequota.yaml',
        'limitrange.yaml',
        'networkpolicies.yaml',
      ],
    });
  });

  it('validates every Kubernetes object against the upstream OpenAPI schemas', () => {
    const kubernetes = all.filter(
      o => o.kind !== 'Kustomization' && o.kind !== 'Resource',
    );
    expect(kubernetes).toHaveLength(1 + 2 + 1 + 1 + 3);
    for (const object of kubernetes) {
      expect(validateAgainstContracts(object)).toEqual([]);
    }
  });

  it("lets the ingress controller's namespaces reach the pods, beside the default deny, when the policy names them", () => {
    const policies = (ingressNamespaces?: string[]) =>
      renderNamespaceBundle(request({ ingressNamespaces }), layout)[
        'tenants/payments/prod/payments-api-prod/networkpolicies.yaml'
      ] as any[];
    expect(policies().map(p => p.metadata.name)).not.toContain(
      'allow-from-ingress',
    );
    const allow = policies(['ingress-nginx']).find(
      p => p.metadata.name === 'allow-from-ingress',
    );
    expect(allow.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [
                  {
                    key: 'kubernetes.io/metadata.name',
                    operator: 'In',
                    values: ['ingress-nginx'],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(validateAgainstContracts(allow)).toEqual([]);
  });

  it('the contract check catches a misspelt field', () => {
    const broken = {
      ...byKind('ResourceQuota')[0],
      spec: { hrd: { pods: '1' } },
    };
    expect(validateAgainstContracts(broken).join()).toMatch(
      /additional properties/,
    );
  });

  it('labels the namespace with tenant, environment, cost center and Pod Security levels', () => {
    expect(byKind('Namespace')[0].metadata).toEqual({
      name: 'payments-api-prod',
      labels: {
        team: 'payments',
        'tenancy.io/tenant': 'payments',
        'tenancy.io/environment': 'prod',
        'tenancy.io/cost-center': 'CC-1001',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
      annotations: {
        'tenancy.io/purpose': 'The payments API',
        'tenancy.io/requested-by': 'user:default/alex',
      },
    });
  });

  it('platform labels win over requested ones', () => {
    const ns = renderNamespaceBundle(
      request({ labels: { 'tenancy.io/tenant': 'checkout' } }),
      layout,
    )[`${dir}/namespace.yaml`][0] as any;
    expect(ns.metadata.labels['tenancy.io/tenant']).toBe('payments');
  });

  it('binds the SSO group to each platform ClusterRole', () => {
    expect(byKind('RoleBinding').map(rb => [rb.roleRef, rb.subjects])).toEqual(
      ['edit', 'view'].map(name => [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
        [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'Group',
            name: 'payments-developers',
          },
        ],
      ]),
    );
  });

  it('closes load balancers and node ports unless the request opens them', () => {
    expect(byKind('ResourceQuota')[0].spec.hard).toEqual({
      'services.loadbalancers': '0',
      'services.nodeports': '0',
      'requests.cpu': '2',
      'limits.cpu': '4',
      'requests.memory': '4Gi',
      'limits.memory': '8Gi',
      pods: '20',
    });
  });

  it('denies all traffic but DNS to kube-dns and traffic within the namespace', () => {
    const policies = byKind('NetworkPolicy');
    expect(policies.map(p => p.metadata.name)).toEqual([
      'default-deny-all',
      'allow-dns-egress',
      'allow-same-namespace',
    ]);
    expect(policies[0].spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(policies[1].spec.egress[0].to[0]).toEqual({
      namespaceSelector: {
        matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
      },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    });
    expect(policies[2].spec.ingress[0].from[0].namespaceSelector).toEqual({
      matchLabels: { 'kubernetes.io/metadata.name': 'payments-api-prod' },
    });
  });

  it('renders a valid catalog entity described by the purpose', async () => {
    const entity = bundle[`${dir}/catalog-info.yaml`][0] as any;
    expect(() => entitySchemaValidator()(entity)).not.toThrow();
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
    expect(entity.metadata.description).toBe('The payments API');
  });

  it('free text can never add a key, an object or a document to the YAML', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ maxLength: 50 }),
          (purpose, team) => {
            const files = renderNamespaceBundle(
              request({ purpose, labels: { team } }),
              layout,
            );
            for (const [path, objects] of Object.entries(files)) {
              const text = serializeManifests(objects);
              const docs = parseAllDocuments(text);
              const parsed = (Array.isArray(docs) ? docs : [docs]).map(d =>
                d.toJS(),
              );
              // Same number of documents, and each parses back to exactly what was rendered.
              if (parsed.length !== objects.length) return false;
              if (JSON.stringify(parsed) !== JSON.stringify(objects)) {
                throw new Error(`${path} does not round-trip`);
              }
            }
            return true;
          },
        ),
        { numRuns: 300 },
      ),
    ).not.toThrow();
  });
});
