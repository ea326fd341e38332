/*
 * Test helper: validates custom resources the simulators serve against the
 * `openAPIV3Schema` of their CRD in the project's contracts
 * (the repository's `contracts/`), unknown fields rejected as
 * the API server prunes them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { toJsonSchema } from './validateUpstreamResponse';

const CONTRACTS = resolve(__dirname, '../../../../contracts');

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const compiled = new Map<string, ValidateFunction>();

function validator(crd: string, version: string): ValidateFunction {
  const key = `${crd}@${version}`;
  const found = compiled.get(key);
  if (found) return found;
  const doc = parse(readFileSync(resolve(CONTRACTS, crd), 'utf8'));
  const served = doc.spec.versions.find((v: any) => v.name === version);
  if (!served) throw new Error(`${crd} does not define version ${version}`);
  const validate = ajv.compile(toJsonSchema(served.schema.openAPIV3Schema));
  compiled.set(key, validate);
  return validate;
}

/**
 * Error messages of a list of custom resources (`crd`, a CRD file under the
 * contracts, and its served `version`); empty when every item passes the
 * CRD's schema and names the CRD's kind and group.
 */
export function validateCustomResourceList(
  crd: string,
  version: string,
  list: { kind: string; apiVersion: string; items: unknown[] },
): string[] {
  const doc = parse(readFileSync(resolve(CONTRACTS, crd), 'utf8'));
  const apiVersion = `${doc.spec.group}/${version}`;
  const errors: string[] = [];
  if (list.kind !== doc.spec.names.listKind) {
    errors.push(`list kind ${list.kind}, not ${doc.spec.names.listKind}`);
  }
  if (list.apiVersion !== apiVersion) {
    errors.push(`list apiVersion ${list.apiVersion}, not ${apiVersion}`);
  }
  const validate = validator(crd, version);
  list.items.forEach((item: any, i) => {
    if (item.kind !== doc.spec.names.kind || item.apiVersion !== apiVersion) {
      errors.push(`items[${i}] is ${item.apiVersion} ${item.kind}`);
    }
    if (!validate(item)) {
      for (const e of validate.errors ?? []) {
        errors.push(
          `items[${i}] ${e.instancePath || '/'} ${e.message} ${JSON.stringify(
            e.params,
          )}`,
        );
      }
    }
  });
  return errors;
}

/**
 * Error messages of a Gatekeeper constraint's `spec.parameters` against the
 * `openAPIV3Schema` of its ConstraintTemplate (`template`, a file under the
 * contracts); empty when they pass.
 */
export function validateConstraintParameters(
  template: string,
  parameters: unknown,
): string[] {
  const doc = parse(readFileSync(resolve(CONTRACTS, template), 'utf8'));
  const validate = ajv.compile(
    toJsonSchema(doc.spec.crd.spec.validation.openAPIV3Schema),
  );
  return validate(parameters)
    ? []
    : (validate.errors ?? []).map(
        e =>
          `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
      );
}

/** A sample payload of the contracts (YAML or JSON). */
export function contractSample(file: string): any {
  return parse(readFileSync(resolve(CONTRACTS, file), 'utf8'));
}
