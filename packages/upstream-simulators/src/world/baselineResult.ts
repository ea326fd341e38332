import { BaselinePolicy } from './baselinePolicies';
import { ReportResult } from './policyReport';
import { SimulatedNamespace } from './SimulatedWorld';

/** When Kyverno's background scan last ran: a minute after the workloads started. */
const SCANNED = {
  seconds: Date.parse('2026-01-05T09:01:20Z') / 1000,
  nanos: 0,
};

/**
 * The result of a baseline policy for one object of namespace `ns`, as
 * Kyverno reports a ValidatingPolicy in a background scan
 * (`source: KyvernoValidatingPolicy`, no rule, a message only when it
 * fails; no category or severity, which the rendered policies do not
 * annotate). The policy is named as the bootstrap names it,
 * `tenancy-<rule>[-<tenant>]-audit`, with `suffix` before `-audit`.
 */
export function baselineResult(
  policy: BaselinePolicy,
  subject: unknown,
  ns: SimulatedNamespace,
  suffix = '',
): ReportResult {
  const message = policy.violation(subject, ns);
  const name = [
    'tenancy',
    policy.rule,
    ...(policy.perTenant ? [ns.labels['tenancy.io/tenant']] : []),
    ...(suffix ? [suffix] : []),
    'audit',
  ].join('-');
  return {
    policy: name,
    result: message ? 'fail' : 'pass',
    ...(message ? { message } : {}),
    scored: true,
    source: 'KyvernoValidatingPolicy',
    properties: { process: 'background scan' },
    timestamp: SCANNED,
  };
}
