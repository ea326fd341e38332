import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { JsonValue } from '@backstage/types';
import {
  ProvisioningDeps,
  ProvisioningRun,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyWriteActionsOptions } from './TenancyWriteActionsOptions';

/**
 * Runs a provisioning request of tenancy-node for an action call of the
 * actions registry: with the caller's own credentials (a user, or an agent
 * acting for one; a service alone is refused, as a request needs a
 * requester), the `dryRun` input as the run's, and the outputs and rendered
 * files collected as the action's answer. A retried call is no second
 * request: the publisher answers the same request with its open pull request.
 */
export async function runInRegistry<TInput extends { dryRun: boolean }>(
  context: {
    input: TInput;
    credentials: BackstageCredentials;
    logger: LoggerService;
  },
  options: TenancyWriteActionsOptions,
  request: (
    run: ProvisioningRun,
    deps: ProvisioningDeps,
    input: Omit<TInput, 'dryRun'>,
  ) => Promise<void>,
) {
  const { credentials } = context;
  if (!options.auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'The tenancy write actions act for a user: call them with a user token, or on behalf of a user; nothing was written',
    );
  }
  const { dryRun, ...input } = context.input;
  const outputs: Record<string, JsonValue> = {};
  let rendered: Record<string, string> | undefined;
  const run: ProvisioningRun = {
    isDryRun: dryRun,
    logger: context.logger,
    userRef: credentials.principal.userEntityRef,
    credentials: async () => credentials,
    output: (name, value) => {
      outputs[name] = value;
    },
    checkpoint: (_key, fn) => fn(),
    writeFiles: async files => {
      rendered = files;
    },
  };
  await request(
    run,
    { ...options.deps, publisher: await options.publisher() },
    input,
  );
  // The registry checks the output against the action's output schema.
  return { output: { ...outputs, ...(rendered && { rendered }) } as any };
}
