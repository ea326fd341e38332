import { InputError } from '@backstage/errors';
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
        delivery: z =>
          z
            .object({
              url: z
                .string()
                .optional()
                .describe(
                  "The tenant's repository: https://, http:// or ssh:// (Git) or oci:// (an OCI artifact); allowed by tenancy.policy.argocd.sourceRepos. Empty (a wizard's blank field): no delivery.",
                ),
              branch: z
                .string()
                .optional()
                .describe('Git branch; default main. Git sources only.'),
              tag: z
                .string()
                .optional()
                .describe('OCI tag; default latest. OCI sources only.'),
              path: z
                .string()
                .optional()
                .describe(
                  'The folder in the source to apply; default its root.',
                ),
              interval: z
                .string()
                .optional()
                .describe(
                  'How often Flux reconciles, e.g. 5m (the default); at least 1m.',
                ),
              secretName: z
                .string()
                .optional()
                .describe(
                  "A Secret in the namespace with the repository's credentials (required for ssh://), created outside the GitOps repository.",
                ),
            })
            .optional()
            .describe(
              "Flux clusters only: the tenant's own repository, reconciled into the namespace by a Flux Kustomization impersonating the tenant's service account (flux-delivery.yaml in the namespace's folder).",
            ),
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
      const { delivery, ...input } = ctx.input;
      // The wizard sends blank fields as empty strings: not given.
      const given = Object.fromEntries(
        Object.entries(delivery ?? {}).filter(([, value]) => value),
      );
      if (!given.url && Object.keys(given).length > 0) {
        throw new InputError(
          `The namespace request is invalid:\n- delivery.url (required): ${Object.keys(
            given,
          ).join(', ')} given without the repository's url`,
        );
      }
      await requestNamespace(scaffolderRun(ctx), options, {
        ...input,
        delivery: given.url ? { ...given, url: given.url } : undefined,
      });
    },
  });
}
