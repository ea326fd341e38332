import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import {
  orphanNamespaceRecordSchema,
  ProvisioningCheck,
  tenantEntityV1alpha1Schema,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import shipped from './manifestSchemas.json';
import type { ManifestSchemas } from './extractManifestSchemas';

/** An object of a rendered file that its schema refuses. */
export interface ManifestProblem {
  file: string;
  /** `Kind name` of the object, or its position in the file. */
  object: string;
  /** JSON path in the object (`$` for the object itself). */
  path: string;
  /** The schema rule and what it says. */
  rule: string;
}

interface KindValidator {
  validate: ValidateFunction;
  /** What the reviewer reads: the definition and its upstream. */
  against: string;
}

/**
 * Adds `additionalProperties: false` to every object schema with properties
 * that does not preserve unknown fields: unknown fields are refused, as the
 * API server refuses them with strict field validation.
 */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = strict(v);
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out['x-kubernetes-preserve-unknown-fields']
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * `kustomize.config.k8s.io/v1beta1` Kustomization: kustomize publishes no
 * JSON schema and the contracts hold none (Flux's Kustomization is another
 * API), so this hand-written check accepts what the renderers write: the
 * files of the folder as relative paths, nothing else.
 */
const kustomizationSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'resources'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kustomize.config.k8s.io/v1beta1' },
    kind: { const: 'Kustomization' },
    resources: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', pattern: '^[^/].*\\.ya?ml$' },
    },
  },
};

/** The group and version of Gatekeeper's constraints; each template defines a kind of it. */
const GATEKEEPER_CONSTRAINTS = 'constraints.gatekeeper.sh/v1beta1';

/**
 * A Gatekeeper constraint (a tenant's `guardrails.yaml` with engine
 * `gatekeeper`): Gatekeeper generates each constraint kind's CRD from its
 * ConstraintTemplate at run time, so there is no schema upstream or in the
 * contracts. This hand-written check holds the part every generated CRD
 * shares (Gatekeeper's `enforcementAction` and `match`, Kubernetes'
 * ObjectMeta and LabelSelector); `parameters` are the template's and are
 * left to Gatekeeper.
 */
const gatekeeperConstraintSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: GATEKEEPER_CONSTRAINTS },
    kind: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
    metadata: {
      $ref: 'manifests#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enforcementAction: { enum: ['deny', 'dryrun', 'warn'] },
        match: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kinds: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  apiGroups: { type: 'array', items: { type: 'string' } },
                  kinds: { type: 'array', items: { type: 'string' } },
                },
              },
            },
            scope: { enum: ['*', 'Cluster', 'Namespaced'] },
            namespaces: { type: 'array', items: { type: 'string' } },
            excludedNamespaces: { type: 'array', items: { type: 'string' } },
            labelSelector: {
              $ref: 'manifests#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
            },
            namespaceSelector: {
              $ref: 'manifests#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
            },
          },
        },
        parameters: { type: 'object' },
      },
    },
  },
};

let validators: Map<string, KindValidator> | undefined;

function load(): Map<string, KindValidator> {
  const schemas = shipped as unknown as ManifestSchemas;
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
  });
  ajv.addSchema({ $id: 'manifests', definitions: strict(schemas.definitions) });
  // The catalog's own schemas, as strict as the catalog is.
  for (const schema of schemas.catalog) ajv.addSchema(schema as object);
  const map = new Map<string, KindValidator>();
  for (const [gvk, { definition, source }] of Object.entries(schemas.kinds)) {
    const ref = gvk.startsWith('backstage.io/')
      ? definition
      : `manifests#/definitions/${definition}`;
    map.set(gvk, {
      validate: ajv.compile({ $ref: ref }),
      against: `${definition} (${source})`,
    });
  }
  map.set('tenancy.io/v1alpha1/Tenant', {
    validate: ajv.compile(tenantEntityV1alpha1Schema as object),
    against: 'the Tenant kind schema (tenancy-common)',
  });
  map.set('tenancy.io/v1alpha1/OrphanNamespace', {
    validate: ajv.compile(orphanNamespaceRecordSchema),
    against: 'the OrphanNamespace record schema (tenancy-common)',
  });
  map.set(GATEKEEPER_CONSTRAINTS, {
    validate: ajv.compile(gatekeeperConstraintSchema),
    against:
      'the hand-written Gatekeeper constraint check (constraint CRDs are generated from their templates)',
  });
  map.set('kustomize.config.k8s.io/v1beta1/Kustomization', {
    validate: ajv.compile(kustomizationSchema),
    against:
      'the hand-written Kustomization check (kustomize publishes no schema)',
  });
  return map;
}

function pathOf(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .filter(Boolean)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    parts.push(
      (error.params as { additionalProperty: string }).additionalProperty,
    );
  }
  return `$${parts.map(segment).join('')}`;
}

/** One step of a JSON path: `[0]`, `.name` or `["tenancy.io/tenant"]`. */
function segment(part: string): string {
  if (/^\d+$/.test(part)) return `[${part}]`;
  if (/^[A-Za-z_]\w*$/.test(part)) return `.${part}`;
  return `[${JSON.stringify(part)}]`;
}

function ruleOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return 'additionalProperties: not a field of this kind (strict field validation)';
  }
  return `${error.keyword}: ${error.message ?? 'invalid'}`;
}

/**
 * Validates every object of the rendered files against the schema of its
 * apiVersion and kind (Kubernetes 1.36 OpenAPI, Argo CD CRDs, the Backstage
 * catalog schemas, the Tenant kind, the hand-written Kustomization and
 * Gatekeeper constraint checks), unknown fields refused. An object of a
 * kind without a schema is a problem, never skipped. Returns the problems and,
 * for the reviewer, one check per valid object.
 */
export function validateManifestFiles(files: Record<string, string>): {
  problems: ManifestProblem[];
  checks: ProvisioningCheck[];
} {
  const known = (validators ??= load());
  const problems: ManifestProblem[] = [];
  const checks: ProvisioningCheck[] = [];
  for (const [file, text] of Object.entries(files)) {
    parseAllDocuments(text).forEach((doc, index) => {
      const position = `document ${index + 1}`;
      if (doc.errors.length) {
        problems.push({
          file,
          object: position,
          path: '$',
          rule: `yaml: ${doc.errors[0].message}`,
        });
        return;
      }
      const object = doc.toJS() as Record<string, any> | null;
      if (object === null) return; // an empty document holds no object
      const kind = typeof object?.kind === 'string' ? object.kind : undefined;
      const name = object?.metadata?.name;
      const label = kind
        ? `${kind}${typeof name === 'string' ? ` ${name}` : ''}`
        : position;
      const gvk = `${object?.apiVersion}/${kind}`;
      const validator =
        known.get(gvk) ??
        (object?.apiVersion === GATEKEEPER_CONSTRAINTS
          ? known.get(GATEKEEPER_CONSTRAINTS)
          : undefined);
      if (!validator) {
        problems.push({
          file,
          object: label,
          path: '$',
          rule: `schema: no schema for apiVersion/kind ${gvk}`,
        });
        return;
      }
      if (validator.validate(object)) {
        checks.push({
          name: `schema: ${label} valid against ${validator.against}`,
          result: 'passed',
        });
        return;
      }
      for (const error of validator.validate.errors ?? []) {
        problems.push({
          file,
          object: label,
          path: pathOf(error),
          rule: `${ruleOf(error)} (${validator.against})`,
        });
      }
    });
  }
  return { problems, checks };
}
