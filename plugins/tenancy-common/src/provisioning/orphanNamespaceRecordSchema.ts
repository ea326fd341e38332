/**
 * JSON schema of the record an orphan's removal request writes
 * (`<clustersPath>/<cluster>/orphans/<namespace>.yaml`, see
 * prepareOrphanRemoval): a file for the platform team, read by no
 * controller and never applied to a cluster.
 *
 * @public
 */
export const orphanNamespaceRecordSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'OrphanNamespaceV1alpha1',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'tenancy.io/v1alpha1' },
    kind: { const: 'OrphanNamespace' },
    metadata: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          maxLength: 63,
          pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
          description: 'The namespace.',
        },
      },
    },
    spec: {
      type: 'object',
      required: [
        'cluster',
        'disposition',
        'tenant',
        'labels',
        'observedAt',
        'requestedBy',
        'reason',
      ],
      additionalProperties: false,
      properties: {
        cluster: { type: 'string', minLength: 1 },
        disposition: {
          const: 'remove',
          description:
            'What the platform team is asked to do: delete the namespace from the cluster by hand.',
        },
        tenant: {
          type: 'string',
          minLength: 1,
          description: 'Its `tenancy.io/tenant` label.',
        },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        phase: { type: 'string' },
        observedAt: { type: 'string', minLength: 1 },
        requestedBy: { type: 'string', minLength: 1 },
        reason: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
