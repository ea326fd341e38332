import type { GitOpsLayout } from '../../gitops/GitOpsLayout';
import type { TenantEntityV1alpha1 } from '../../model/TenantEntityV1alpha1';
import type {
  GuardrailsEngine,
  GuardrailsSettings,
  TenancyPolicy,
} from '../../policy/TenancyPolicy';
import type { Manifest } from '../renderNamespaceBundle';
import { allowedRegistriesRule } from './allowedRegistriesRule';
import { baselineGuardrailRules } from './baselineGuardrailRules';
import type { GuardrailRule } from './GuardrailRule';
import {
  renderGatekeeperConstraints,
  renderGatekeeperTemplate,
} from './renderGatekeeperGuardrails';
import { renderKyvernoGuardrails } from './renderKyvernoGuardrails';
import { renderValidatingAdmissionPolicyGuardrails } from './renderValidatingAdmissionPolicyGuardrails';

type ActiveEngine = Exclude<GuardrailsEngine, 'none'>;

const ENGINES: Record<
  ActiveEngine,
  {
    /** What the bootstrap applies to every cluster. */
    platform(rules: GuardrailRule[], settings: GuardrailsSettings): Manifest[];
    /** What a tenant's `guardrails.yaml` holds. */
    tenant(rule: GuardrailRule, settings: GuardrailsSettings): Manifest[];
    /** Cluster-scoped kinds the platform's AppProject must allow. */
    kinds: Array<{ group: string; kind: string }>;
  }
> = {
  kyverno: {
    platform: (rules, s) => renderKyvernoGuardrails(rules, s.enforceIn),
    tenant: (rule, s) => renderKyvernoGuardrails([rule], s.enforceIn),
    kinds: [{ group: 'policies.kyverno.io', kind: 'ValidatingPolicy' }],
  },
  'validating-admission-policy': {
    platform: (rules, s) =>
      renderValidatingAdmissionPolicyGuardrails(rules, s.enforceIn),
    tenant: (rule, s) =>
      renderValidatingAdmissionPolicyGuardrails([rule], s.enforceIn),
    kinds: [
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingAdmissionPolicy',
      },
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingAdmissionPolicyBinding',
      },
    ],
  },
  gatekeeper: {
    // The registry rule's template is the platform's; tenants have constraints.
    platform: (rules, s) => [
      ...[...rules, allowedRegistriesRule('', [])].map(rule =>
        renderGatekeeperTemplate(rule, s.enforceIn),
      ),
      ...rules.flatMap(rule => renderGatekeeperConstraints(rule, s.enforceIn)),
    ],
    tenant: (rule, s) => renderGatekeeperConstraints(rule, s.enforceIn),
    kinds: [
      { group: 'templates.gatekeeper.sh', kind: 'ConstraintTemplate' },
      // Each template defines its own constraint kind.
      { group: 'constraints.gatekeeper.sh', kind: '*' },
    ],
  },
};

function activeSettings(policy: Pick<TenancyPolicy, 'guardrails'>) {
  const settings = policy.guardrails;
  return settings && settings.engine !== 'none'
    ? { settings, engine: ENGINES[settings.engine] }
    : undefined;
}

/**
 * The platform-wide baseline policies for the configured engine
 * (`tenancy.policy.guardrails.engine`), as the bootstrap applies them to
 * every cluster; none for `none`.
 *
 * @public
 */
export function renderPlatformGuardrails(
  policy: Pick<TenancyPolicy, 'guardrails' | 'costCenterPattern'>,
): Manifest[] {
  const active = activeSettings(policy);
  if (!active) return [];
  return active.engine.platform(
    baselineGuardrailRules(policy, active.settings),
    active.settings,
  );
}

/**
 * A tenant's own policies, the contents of its `guardrails.yaml`
 * ({@link tenantGuardrailsFile}): the registry rule for its namespaces, with
 * the platform's default registries plus the Tenant's
 * `spec.allowedRegistries`. Empty for engine `none` or when neither lists a
 * registry. Render it again whenever the Tenant's list changes.
 *
 * @public
 */
export function renderTenantGuardrails(
  tenant: Pick<TenantEntityV1alpha1, 'metadata' | 'spec'>,
  policy: Pick<TenancyPolicy, 'guardrails'>,
): Manifest[] {
  const active = activeSettings(policy);
  if (!active) return [];
  const registries = [
    ...new Set([
      ...active.settings.allowedRegistries,
      ...(tenant.spec.allowedRegistries ?? []),
    ]),
  ];
  if (registries.length === 0) return [];
  return active.engine.tenant(
    allowedRegistriesRule(tenant.metadata.name, registries),
    active.settings,
  );
}

/**
 * File name of a tenant's own policies in its folder.
 *
 * @public
 */
export const TENANT_GUARDRAILS_FILE = 'guardrails.yaml';

/**
 * Where a tenant's own policies live: `<tenantsPath>/<tenant>/guardrails.yaml`,
 * applied to every cluster by the bootstrap's `tenancy-guardrails`.
 *
 * @public
 */
export function tenantGuardrailsFile(
  layout: GitOpsLayout,
  tenant: string,
): string {
  return `${layout.tenantDir(tenant)}/${TENANT_GUARDRAILS_FILE}`;
}

/**
 * The cluster-scoped kinds the configured engine's policies are made of, for
 * the platform's AppProject.
 *
 * @public
 */
export function guardrailKinds(
  policy: Pick<TenancyPolicy, 'guardrails'>,
): Array<{ group: string; kind: string }> {
  return activeSettings(policy)?.engine.kinds ?? [];
}
