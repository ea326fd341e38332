/*
 * Test helper: validates simulator responses against the upstream specs in
 * /contracts: the Kubernetes OpenAPI v3 documents, Argo CD's Swagger 2.0 and
 * the OpenCost allocation OpenAPI. Unknown fields are rejected, so a typo in
 * the simulator fails the test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const CONTRACTS = resolve(__dirname, '../../../../contracts');

/** OpenAPI 3.0 `nullable` to JSON Schema, and no unknown properties. */
export function toJsonSchema(schema: any): any {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k !== 'nullable') out[k] = toJsonSchema(v);
  }
  if (schema.nullable === true && typeof schema.type === 'string') {
    out.type = [schema.type, 'null'];
  }
  if (out.properties && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

const SPECS = {
  kubernetes: {
    file: 'kubernetes/api__v1_openapi.json',
    section: 'components',
    prefix: '#/components/schemas/',
  },
  'kubernetes-apps': {
    file: 'kubernetes/apis__apps__v1_openapi.json',
    section: 'components',
    prefix: '#/components/schemas/',
  },
  'kubernetes-networking': {
    file: 'kubernetes/apis__networking.k8s.io__v1_openapi.json',
    section: 'components',
    prefix: '#/components/schemas/',
  },
  'kubernetes-rbac': {
    file: 'kubernetes/apis__rbac.authorization.k8s.io__v1_openapi.json',
    section: 'components',
    prefix: '#/components/schemas/',
  },
  argocd: {
    file: 'argocd/swagger.json',
    section: 'definitions',
    prefix: '#/definitions/',
  },
  opencost: {
    file: 'opencost/allocation-api.derived.openapi.yaml',
    section: 'components',
    prefix: '#/components/schemas/',
  },
} as const;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validator(spec: keyof typeof SPECS, name: string): ValidateFunction {
  const key = `${spec}:${name}`;
  const found = compiled.get(key);
  if (found) return found;
  if (!ajv) {
    ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    for (const [id, s] of Object.entries(SPECS)) {
      const text = readFileSync(resolve(CONTRACTS, s.file), 'utf8');
      const doc = s.file.endsWith('.json') ? JSON.parse(text) : parse(text);
      ajv.addSchema({ $id: id, [s.section]: toJsonSchema(doc[s.section]) });
    }
  }
  const validate = ajv.compile({ $ref: `${spec}${SPECS[spec].prefix}${name}` });
  compiled.set(key, validate);
  return validate;
}

/** Error messages of `body` against schema `name` of an upstream spec; empty when valid. */
export function validateUpstreamResponse(
  spec: keyof typeof SPECS,
  name: string,
  body: unknown,
): string[] {
  const validate = validator(spec, name);
  return validate(body)
    ? []
    : (validate.errors ?? []).map(
        e =>
          `${name} ${e.instancePath || '/'} ${e.message} ${JSON.stringify(
            e.params,
          )}`,
      );
}
