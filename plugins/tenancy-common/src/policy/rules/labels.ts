import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/**
 * Label domains the platform and its tools manage: ours, Kubernetes' own
 * (incl. `pod-security.kubernetes.io`, `app.kubernetes.io`), Argo CD's
 * (`argocd.argoproj.io/*` drives tracking and sync), vCluster's, and those
 * of the admission and mesh tools a platform runs beside them, whose
 * namespace labels switch controls off or on (Gatekeeper's
 * `admission.gatekeeper.sh/ignore`, Kyverno's, Istio's, Rancher's projects).
 */
const RESERVED_LABEL_DOMAINS = [
  'tenancy.io',
  'kubernetes.io',
  'k8s.io',
  'argoproj.io',
  'loft.sh',
  'gatekeeper.sh',
  'kyverno.io',
  'istio.io',
  'cattle.io',
];
/** Unprefixed namespace labels with the same effect (Istio's sidecar injection). */
const RESERVED_LABEL_KEYS = ['istio-injection'];

/**
 * Whether a value may be a Kubernetes label value: at most 63 letters,
 * digits, '-', '_' or '.', starting and ending with a letter or digit, or
 * empty.
 *
 * @public
 */
export function isLabelValue(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 63 &&
    (value === '' || LABEL_NAME.test(value))
  );
}

/**
 * Extra labels of a Namespace: each key a label key outside the platform's
 * domains, each value a label value. Rules `label-key`, `reserved-label`,
 * `label-value`. Fields are `labels.<key>`.
 *
 * @public
 */
export function labelsRule(
  labels: Record<string, string> | undefined,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    const field = `labels.${key}`;
    problems.push(...labelKeyRule(key, field));
    if (!isLabelValue(value)) {
      problems.push(
        problem(
          field,
          'label-value',
          `label value of "${key}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
        ),
      );
    }
  }
  return problems;
}

function labelKeyRule(key: string, field: string): ValidationProblem[] {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (
    prefix !== undefined &&
    (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
  ) {
    return [
      problem(
        field,
        'label-key',
        `label key "${key}" has a prefix that is not a DNS subdomain`,
      ),
    ];
  }
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) {
    return [
      problem(
        field,
        'label-key',
        `label key "${key}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      ),
    ];
  }
  if (
    RESERVED_LABEL_KEYS.includes(key) ||
    (prefix &&
      RESERVED_LABEL_DOMAINS.some(
        d => prefix === d || prefix.endsWith(`.${d}`),
      ))
  ) {
    return [
      problem(
        field,
        'reserved-label',
        `label key "${key}" is reserved: the platform or its tools (Argo CD, vCluster, admission and mesh controllers) manage it`,
      ),
    ];
  }
  return [];
}
