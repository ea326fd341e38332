import { StatusError, StatusWarning } from '@backstage/core-components';
import { PolicyFinding } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * A policy result with a status colour: `fail` and `error` (the policy could
 * not be evaluated) in red, `warn` in orange.
 */
export function PolicyResult(props: { result: PolicyFinding['result'] }) {
  return props.result === 'warn' ? (
    <StatusWarning>warn</StatusWarning>
  ) : (
    <StatusError>{props.result}</StatusError>
  );
}
