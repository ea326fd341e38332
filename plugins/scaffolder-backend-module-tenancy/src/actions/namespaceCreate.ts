import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { requestNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyActionDeps } from './TenancyActionDeps';
import { changeOutput } from './changeOutput';
import { namespaceSettingsInput, placementInput } from './namespaceSettings';
import { scaffolderRun } from './scaffolderRun';
import { examples } from './namespaceCreate.examples';

/**
 * `tenancy:namespace:create`: validates a namespace request against its
 * Tenant and the platform policy, renders the namespace bundle, and opens a
 * pull request on the GitOps repository (or, in a dry run, writes the files to
 * the workspace).
 *
 * @public
 */
export function createNamespaceCreateAction(options: TenancyActionDeps) {
  return createTemplateAction({
    id: 'tenancy:namespace:create',
    description:
      'Requests a namespace for a tenant: validates it against the tenant and the platform policy, renders the namespace bundle and opens a pull request on the GitOps repository.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...placementInput,
        name: z =>
          z
            .string()
            .optional()
            .describe(
              'Optional middle part of the name: <tenant>-<name>-<environment>, or <tenant>-<environment> without it.',
            ),
        ...namespaceSettingsInput,
        purpose: z =>
          z
            .string()
            .optional()
            .describe('Why the namespace is needed; shown to the reviewer.'),
      },
      output: {
        namespace: z =>
          z.string().describe('The Kubernetes name of the namespace.'),
        entityRef: z =>
          z
            .string()
            .describe(
              'The catalog entity reference the namespace will have once merged.',
            ),
        ...changeOutput,
      },
    },
    async handler(ctx) {
      await requestNamespace(scaffolderRun(ctx), options, ctx.input);
    },
  });
}
