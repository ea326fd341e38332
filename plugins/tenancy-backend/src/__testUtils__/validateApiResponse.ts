import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Error messages of `body` against a schema of the plugin's openapi.yaml; empty when valid. */
export function validateApiResponse(schema: string, body: unknown): string[] {
  if (!ajv) {
    const doc = parse(
      readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'tenancy', components: doc.components });
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile({ $ref: `tenancy#/components/schemas/${schema}` });
    compiled.set(schema, validate);
  }
  return validate(body)
    ? []
    : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}
