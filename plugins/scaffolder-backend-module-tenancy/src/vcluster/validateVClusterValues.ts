import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { ValidationProblem } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import schema from './vclusterValues-0.36.1.schema.json';

let validate: ValidateFunction | undefined;

/**
 * Checks rendered `vcluster.yaml` values against the values schema of the
 * chart version the platform pins: the chart's `values.schema.json` of
 * 0.36.1, shipped with this package (its one copy in the repository).
 */
export function validateVClusterValues(values: unknown): ValidationProblem[] {
  validate ??= new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  if (validate(values)) return [];
  return (validate.errors ?? []).map(e => {
    const path = e.instancePath.split('/').filter(Boolean).join('.');
    const extra =
      e.keyword === 'additionalProperties'
        ? `.${(e.params as { additionalProperty: string }).additionalProperty}`
        : '';
    const field = `values${path ? `.${path}` : ''}${extra}`;
    return {
      field,
      rule: 'vcluster-schema',
      message:
        e.keyword === 'additionalProperties'
          ? `${field} is not a setting of the vCluster chart 0.36`
          : `${field} ${e.message} (vCluster chart 0.36 values schema)`,
    };
  });
}
