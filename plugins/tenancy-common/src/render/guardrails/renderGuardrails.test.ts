import Ajv from 'ajv';
import { GitOpsLayout } from '../../gitops/GitOpsLayout';
import type {
  GuardrailsEngine,
  GuardrailsSettings,
} from '../../policy/TenancyPolicy';
import { validateAgainstContracts } from '../../__testUtils__/validateAgainstContracts';
import {
  AdmissionReview,
  admitWithGuardrails,
} from './__testUtils__/admitWithGuardrails';
import {
  guardrailKinds,
  renderPlatformGuardrails,
  renderTenantGuardrails,
  tenantGuardrailsFile,
} from './renderGuardrails';

const CONTROLLER = 'system:serviceaccount:argocd:argocd-application-controller';
const DIGEST = `sha256:${'a'.repeat(64)}`;

const settings = (engine: GuardrailsEngine): GuardrailsSettings => ({
  engine,
  allowedRegistries: ['registry.acme.internal/'],
  disallowLatestTagIn: ['staging', 'prod'],
  enforceIn: ['prod'],
  controllerUsers: [CONTROLLER],
});

const tenant = (name: string, allowedRegistries?: string[]) => ({
  metadata: { name },
  spec: {
    owner: `group:default/team-${name}`,
    costCenter: 'CC-1001',
    ...(allowedRegistries ? { allowedRegistries } : {}),
  },
});

const render = (engine: GuardrailsEngine) => {
  const policy = {
    costCenterPattern: 'CC-[0-9]{4}',
    guardrails: settings(engine),
  };
  return [
    ...renderPlatformGuardrails(policy),
    ...renderTenantGuardrails(
      tenant('payments', ['ghcr.io/acme-payments/']),
      policy,
    ),
    ...renderTenantGuardrails(tenant('checkout'), policy),
  ] as any[];
};

const nsLabels = (t: string, env: string) => ({
  'tenancy.io/tenant': t,
  'tenancy.io/environment': env,
  'tenancy.io/cost-center': 'CC-1001',
});

const container = (image: string, resources = true) => ({
  name: image.split('/').pop()!.split(/[:@]/)[0],
  image,
  ...(resources
    ? {
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '500m', memory: '512Mi' },
        },
      }
    : {}),
});

const pod = (
  labels: Record<string, string>,
  ...containers: any[]
): AdmissionReview => ({
  operation: 'CREATE',
  resource: 'pods',
  kind: 'Pod',
  namespaceLabels: labels,
  object: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns' },
    spec: { containers },
  },
});

const namespace = (
  operation: 'CREATE' | 'UPDATE',
  labels: Record<string, string>,
  oldLabels?: Record<string, string>,
  username?: string,
): AdmissionReview => ({
  operation,
  resource: 'namespaces',
  kind: 'Namespace',
  username,
  object: {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'ns', labels },
  },
  oldObject: oldLabels && {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'ns', labels: oldLabels },
  },
});

describe.each([
  'kyverno',
  'validating-admission-policy',
  'gatekeeper',
] as const)('guardrails for %s', engine => {
  const objects = render(engine);
  /** The failures of a request: `<object name>: <denied|admitted>: <message>`. */
  const failures = (review: AdmissionReview) =>
    admitWithGuardrails(objects, review).flatMap(v =>
      v.messages.map(
        m =>
          `${v.name}: ${
            v.actions.some(a => a.toLowerCase() === 'deny')
              ? 'denied'
              : 'admitted'
          }: ${m}`,
      ),
    );

  it('renders objects that validate against their upstream schemas', () => {
    expect(objects.length).toBeGreaterThan(5);
    const templates = objects.filter(o => o.kind === 'ConstraintTemplate');
    const problems = (object: any): unknown[] => {
      if (object.apiVersion !== 'constraints.gatekeeper.sh/v1beta1') {
        return validateAgainstContracts(object);
      }
      // The constraint's CRD is the template's: its parameters schema.
      const template = templates.find(
        t => t.spec.crd.spec.names.kind === object.kind,
      );
      const validate = new Ajv({ allErrors: true }).compile({
        ...template.spec.crd.spec.validation.openAPIV3Schema,
        additionalProperties: false,
      });
      return validate(object.spec.parameters ?? {})
        ? []
        : validate.errors ?? ['invalid'];
    };
    expect(objects.map(o => [o.metadata.name, problems(o)])).toEqual(
      objects.map(o => [o.metadata.name, []]),
    );
  });

  it('the schema check can fail', () => {
    const broken = objects.find(
      o =>
        o.kind !== 'ValidatingAdmissionPolicyBinding' &&
        !o.apiVersion.startsWith('constraints.'),
    );
    const bad =
      broken.kind === 'ConstraintTemplate'
        ? {
            ...broken,
            spec: {
              ...broken.spec,
              targets: [{ code: [{ engine: 'K8sNativeValidation' }] }],
            },
          }
        : {
            ...broken,
            spec: {
              ...broken.spec,
              validations: [{ message: 'no expression' }],
            },
          };
    expect(validateAgainstContracts(bad)).not.toEqual([]);
  });

  it('every object says its mode and environments', () => {
    for (const o of objects.filter(x => x.kind !== 'ConstraintTemplate')) {
      expect(['Enforce', 'Audit']).toContain(
        o.metadata.labels['tenancy.io/guardrail-mode'],
      );
      expect(
        o.metadata.annotations['tenancy.io/guardrail-environments'],
      ).toBeTruthy();
    }
  });

  it('admits a well-formed Pod of the tenant from its own or the platform registry', () => {
    const review = pod(
      nsLabels('payments', 'prod'),
      container('ghcr.io/acme-payments/api:1.4.2'),
      container(`registry.acme.internal/sidecar@${DIGEST}`),
    );
    expect(failures(review)).toEqual([]);
    // It was checked, by enforcing objects.
    expect(admitWithGuardrails(objects, review).length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it("refuses another registry, and another tenant's registry", () => {
    expect(
      failures(
        pod(
          nsLabels('payments', 'prod'),
          container('docker.io/library/nginx:1.27'),
        ),
      ),
    ).toEqual([
      'tenancy-allowed-registries-payments-enforce: denied: images not from an allowed registry: docker.io/library/nginx:1.27; allowed: registry.acme.internal/, ghcr.io/acme-payments/',
    ]);
    expect(
      failures(
        pod(
          nsLabels('checkout', 'prod'),
          container('ghcr.io/acme-payments/api:1.4.2'),
        ),
      ),
    ).toEqual([
      'tenancy-allowed-registries-checkout-enforce: denied: images not from an allowed registry: ghcr.io/acme-payments/api:1.4.2; allowed: registry.acme.internal/',
    ]);
  });

  it('refuses :latest and untagged images where configured, audits outside prod', () => {
    expect(
      failures(
        pod(
          nsLabels('payments', 'prod'),
          container('registry.acme.internal/a:latest'),
          container('registry.acme.internal:5000/b'),
          container('registry.acme.internal/c'),
        ),
      ),
    ).toEqual([
      'tenancy-disallow-latest-tag-enforce: denied: images must name a tag other than latest or a digest: registry.acme.internal/a:latest, registry.acme.internal:5000/b, registry.acme.internal/c',
      'tenancy-allowed-registries-payments-enforce: denied: images not from an allowed registry: registry.acme.internal:5000/b; allowed: registry.acme.internal/, ghcr.io/acme-payments/',
    ]);
    expect(
      failures(
        pod(
          nsLabels('payments', 'staging'),
          container('registry.acme.internal/a:latest'),
        ),
      ),
    ).toEqual([
      'tenancy-disallow-latest-tag-audit: admitted: images must name a tag other than latest or a digest: registry.acme.internal/a:latest',
    ]);
    // dev is not in disallowLatestTagIn.
    expect(
      failures(
        pod(
          nsLabels('payments', 'dev'),
          container('registry.acme.internal/a:latest'),
        ),
      ),
    ).toEqual([]);
  });

  it('wants requests and limits on containers the LimitRange did not default', () => {
    expect(
      failures(
        pod(
          nsLabels('payments', 'dev'),
          container('registry.acme.internal/a:1', false),
        ),
      ),
    ).toEqual([
      'tenancy-require-requests-limits-audit: admitted: containers need cpu and memory requests and limits (the namespace LimitRange sets none for them): a',
    ]);
  });

  it('leaves namespaces without tenancy labels alone', () => {
    expect(failures(pod({}, container('docker.io/library/nginx')))).toEqual([]);
    expect(failures(namespace('CREATE', { team: 'x' }))).toEqual([]);
  });

  it('wants the three tenancy labels on tenant namespaces, the cost center matching the pattern', () => {
    expect(
      failures(
        namespace('CREATE', {
          'tenancy.io/tenant': 'payments',
          'tenancy.io/environment': 'prod',
        }),
      ),
    ).toEqual([
      'tenancy-namespace-labels-enforce: denied: namespace ns must carry the labels tenancy.io/tenant, tenancy.io/environment, tenancy.io/cost-center, missing: tenancy.io/cost-center',
    ]);
    expect(
      failures(
        namespace('CREATE', {
          ...nsLabels('payments', 'dev'),
          'tenancy.io/cost-center': '1001',
        }),
      ),
    ).toEqual([
      'tenancy-namespace-labels-audit: admitted: namespace ns: label tenancy.io/cost-center "1001" does not match ^(?:CC-[0-9]{4})$',
    ]);
    expect(failures(namespace('CREATE', nsLabels('payments', 'prod')))).toEqual(
      [],
    );
  });

  it('keeps tenant and environment labels once set, even when removed', () => {
    const old = nsLabels('payments', 'prod');
    expect(
      failures(
        namespace(
          'UPDATE',
          { ...old, 'tenancy.io/tenant': 'checkout' },
          old,
          CONTROLLER,
        ),
      ),
    ).toEqual([
      'tenancy-namespace-labels-enforce: denied: namespace ns: the labels tenancy.io/tenant and tenancy.io/environment may not change or be removed once set',
    ]);
    const { 'tenancy.io/tenant': _t, ...withoutTenant } = old;
    expect(
      failures(namespace('UPDATE', withoutTenant, old, CONTROLLER)),
    ).toEqual([
      'tenancy-namespace-labels-enforce: denied: namespace ns must carry the labels tenancy.io/tenant, tenancy.io/environment, tenancy.io/cost-center, missing: tenancy.io/tenant',
      'tenancy-namespace-labels-enforce: denied: namespace ns: the labels tenancy.io/tenant and tenancy.io/environment may not change or be removed once set',
    ]);
  });

  it('lets only the GitOps controller change the cost center', () => {
    const old = nsLabels('payments', 'prod');
    const changed = { ...old, 'tenancy.io/cost-center': 'CC-2002' };
    expect(
      failures(namespace('UPDATE', changed, old, 'alice@example.com')),
    ).toEqual([
      'tenancy-namespace-labels-enforce: denied: namespace ns: only the GitOps controller changes the label tenancy.io/cost-center (change the Tenant in the GitOps repository)',
    ]);
    expect(failures(namespace('UPDATE', changed, old, CONTROLLER))).toEqual([]);
  });

  it('refuses Service external IPs', () => {
    const service = (spec: any): AdmissionReview => ({
      operation: 'CREATE',
      resource: 'services',
      kind: 'Service',
      namespaceLabels: nsLabels('payments', 'prod'),
      object: { metadata: { name: 'web' }, spec },
    });
    expect(
      failures(service({ type: 'ClusterIP', externalIPs: ['10.0.0.1'] })),
    ).toEqual([
      'tenancy-restrict-service-exposure-enforce: denied: Service web may not set spec.externalIPs',
    ]);
    expect(failures(service({ type: 'LoadBalancer' }))).toEqual([]);
  });

  it('lets only the GitOps controller and the cluster write quotas, limits, network policies and role bindings', () => {
    const write = (
      operation: 'CREATE' | 'UPDATE' | 'DELETE',
      username: string,
      groups?: string[],
    ): AdmissionReview => ({
      operation,
      resource: 'rolebindings',
      group: 'rbac.authorization.k8s.io',
      kind: 'RoleBinding',
      namespaceLabels: nsLabels('payments', 'prod'),
      username,
      groups,
      object: { metadata: { name: 'tenant' } },
      oldObject: { metadata: { name: 'tenant' } },
    });
    expect(failures(write('UPDATE', 'ci-bot'))).toEqual([
      'tenancy-protect-platform-objects-enforce: denied: ci-bot may not UPDATE RoleBinding objects in tenant namespaces: they come from the GitOps repository',
    ]);
    expect(failures(write('UPDATE', CONTROLLER))).toEqual([]);
    expect(
      failures(
        write(
          'DELETE',
          'system:serviceaccount:kube-system:namespace-controller',
        ),
      ),
    ).toEqual([]);
    expect(failures(write('CREATE', 'admin', ['system:masters']))).toEqual([]);
    expect(
      failures({
        ...write('DELETE', 'ci-bot'),
        namespaceLabels: nsLabels('payments', 'dev'),
      }),
    ).toEqual([
      'tenancy-protect-platform-objects-audit: admitted: ci-bot may not DELETE RoleBinding objects in tenant namespaces: they come from the GitOps repository',
    ]);
  });
});

describe('renderTenantGuardrails', () => {
  it('renders nothing for engine none or without any registry', () => {
    expect(
      renderTenantGuardrails(tenant('payments', ['ghcr.io/a/']), {
        guardrails: { ...settings('none') },
      }),
    ).toEqual([]);
    expect(
      renderTenantGuardrails(tenant('payments'), {
        guardrails: { ...settings('kyverno'), allowedRegistries: [] },
      }),
    ).toEqual([]);
    expect(renderTenantGuardrails(tenant('payments'), {})).toEqual([]);
  });

  it('lives in the tenant folder', () => {
    expect(
      tenantGuardrailsFile(
        GitOpsLayout.create({ tenantsPath: 'teams' }),
        'payments',
      ),
    ).toBe('teams/payments/guardrails.yaml');
  });

  it('names the kinds the platform project must allow', () => {
    expect(guardrailKinds({ guardrails: settings('none') })).toEqual([]);
    expect(guardrailKinds({ guardrails: settings('kyverno') })).toEqual([
      { group: 'policies.kyverno.io', kind: 'ValidatingPolicy' },
    ]);
  });
});
