import { SimulatedNamespace } from './SimulatedWorld';

/** The registries every tenant may pull from (the platform's default). */
const PLATFORM_REGISTRIES = ['registry.example.com/', 'ghcr.io/loft-sh/'];

/** The labels every tenant Namespace carries. */
export const TENANCY_LABELS = [
  'tenancy.io/tenant',
  'tenancy.io/environment',
  'tenancy.io/cost-center',
];

interface Container {
  name: string;
  image: string;
  resources?: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
}

/** A Pod, or a pod controller with a Pod template. */
interface PodLike {
  spec: {
    containers?: Container[];
    template?: { spec: { containers: Container[] } };
  };
}

/**
 * A baseline guardrail as the bootstrap renders it (tenancy-common's
 * guardrail rules, as Kyverno ValidatingPolicies in Audit mode), with the
 * check the simulator runs in place of its CEL.
 */
export interface BaselinePolicy {
  /** The rule's name: the policy is `tenancy-<rule>[-<tenant>]-audit`. */
  rule: string;
  /** One policy per tenant (the registry rule), named after it. */
  perTenant?: boolean;
  /** What it checks: the containers of Pods and pod controllers, Services, or Namespaces. */
  subject: 'pods' | 'services' | 'namespaces';
  /** Why the object of namespace `ns` violates the rule (the validation's message), or undefined. */
  violation(object: any, ns: SimulatedNamespace): string | undefined;
}

function containersOf(object: PodLike): Container[] {
  return object.spec.template?.spec.containers ?? object.spec.containers ?? [];
}

/** `message` followed by the containers' `what` that `bad` picks, or undefined when none. */
function listed(
  object: PodLike,
  bad: (c: Container) => boolean,
  what: (c: Container) => string,
  message: string,
): string | undefined {
  const found = containersOf(object).filter(bad).map(what);
  return found.length ? `${message}${found.join(', ')}` : undefined;
}

/**
 * The tenancy baseline in tenant namespaces (those labelled
 * `tenancy.io/tenant`), with the rule names and messages of tenancy-common's
 * guardrails: Namespace labels, allowed registries (the platform's and the
 * Tenant's `spec.allowedRegistries`), no `latest` tag, requests and limits,
 * no Service external IPs (the rule that protects platform objects runs at
 * admission only, so it is never reported).
 */
export const BASELINE_POLICIES: BaselinePolicy[] = [
  {
    rule: 'namespace-labels',
    subject: 'namespaces',
    violation: (_object, ns) => {
      const missing = TENANCY_LABELS.filter(l => !ns.labels[l]);
      return missing.length
        ? `namespace ${ns.name} must carry the labels ${TENANCY_LABELS.join(
            ', ',
          )}, missing: ${missing.join(', ')}`
        : undefined;
    },
  },
  {
    rule: 'allowed-registries',
    perTenant: true,
    subject: 'pods',
    violation: (object: PodLike, ns) => {
      const registries = [
        ...PLATFORM_REGISTRIES,
        ...(ns.allowedRegistries ?? []),
      ];
      const message = listed(
        object,
        c => !registries.some(r => c.image.startsWith(r)),
        c => c.image,
        'images not from an allowed registry: ',
      );
      return message && `${message}; allowed: ${registries.join(', ')}`;
    },
  },
  {
    rule: 'disallow-latest-tag',
    subject: 'pods',
    violation: (object: PodLike) =>
      listed(
        object,
        c =>
          !/@sha256:[0-9a-f]{64}$/.test(c.image) &&
          (!/:[^/:@]+$/.test(c.image) || c.image.endsWith(':latest')),
        c => c.image,
        'images must name a tag other than latest or a digest: ',
      ),
  },
  {
    rule: 'require-requests-limits',
    subject: 'pods',
    violation: (object: PodLike) =>
      listed(
        object,
        c =>
          !['cpu', 'memory'].every(
            r => c.resources?.requests?.[r] && c.resources?.limits?.[r],
          ),
        c => c.name,
        'containers need cpu and memory requests and limits (the namespace LimitRange sets none for them): ',
      ),
  },
  {
    rule: 'restrict-service-exposure',
    subject: 'services',
    violation: (service: { metadata: { name: string }; spec: any }) =>
      service.spec.externalIPs?.length
        ? `Service ${service.metadata.name} may not set spec.externalIPs`
        : undefined,
  },
];
