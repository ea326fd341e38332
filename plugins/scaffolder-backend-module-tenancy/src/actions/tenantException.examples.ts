import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Documented examples of `tenancy:tenant:exception`; each one runs in a test. */
export const examples: TemplateExample[] = [
  {
    description: 'Allow a tenant to pull images from one more registry.',
    example: stringify({
      steps: [
        {
          id: 'exception',
          action: 'tenancy:tenant:exception',
          name: 'Request the exception',
          input: {
            tenant: 'tenant:default/payments',
            addRegistries: ['ghcr.io/acme-payments/'],
            reason:
              'The card vault images are built in our GitHub organisation',
          },
        },
      ],
    }),
  },
];
