/*
 * Test helper: validates rendered objects against the upstream schemas in
 * /contracts (Kubernetes OpenAPI v3, Argo CD, Flux, Kyverno and Gatekeeper
 * CRDs). Unknown fields are rejected, as the API server does with strict
 * field validation (not for the ValidatingAdmissionPolicy kinds, see MODELS).
 * A CRD's schema says only `metadata: {type: object}` (the API server checks
 * ObjectMeta itself), so a custom resource's metadata is checked against
 * ObjectMeta of the core OpenAPI here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { ValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import { ValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding';
import { parse } from 'yaml';

const CONTRACTS = resolve(__dirname, '../../../../contracts');

const OPENAPI_FILES = [
  'kubernetes/api__v1_openapi.json',
  'kubernetes/apis__networking.k8s.io__v1_openapi.json',
  'kubernetes/apis__rbac.authorization.k8s.io__v1_openapi.json',
];

const KINDS: Record<string, string> = {
  'v1/Namespace': 'io.k8s.api.core.v1.Namespace',
  'v1/Secret': 'io.k8s.api.core.v1.Secret',
  'v1/ServiceAccount': 'io.k8s.api.core.v1.ServiceAccount',
  'v1/ResourceQuota': 'io.k8s.api.core.v1.ResourceQuota',
  'v1/LimitRange': 'io.k8s.api.core.v1.LimitRange',
  'networking.k8s.io/v1/NetworkPolicy':
    'io.k8s.api.networking.v1.NetworkPolicy',
  'rbac.authorization.k8s.io/v1/Role': 'io.k8s.api.rbac.v1.Role',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'io.k8s.api.rbac.v1.RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'io.k8s.api.rbac.v1.ClusterRole',
};

const CRDS: Record<string, string> = {
  'argoproj.io/v1alpha1/AppProject': 'argocd/appproject-crd.yaml',
  'argoproj.io/v1alpha1/Application': 'argocd/application-crd.yaml',
  'policies.kyverno.io/v1/ValidatingPolicy':
    'kyverno/crds/policies.kyverno.io_validatingpolicies.yaml',
  'templates.gatekeeper.sh/v1/ConstraintTemplate':
    'gatekeeper/crds/constrainttemplate-customresourcedefinition.yaml',
  'kustomize.toolkit.fluxcd.io/v1/Kustomization':
    'flux/crds/kustomize.toolkit.fluxcd.io_kustomizations.yaml',
  'source.toolkit.fluxcd.io/v1/GitRepository':
    'flux/crds/source.toolkit.fluxcd.io_gitrepositories.yaml',
  'source.toolkit.fluxcd.io/v1/OCIRepository':
    'flux/crds/source.toolkit.fluxcd.io_ocirepositories.yaml',
};

/**
 * Kinds the contracts have no schema for: kubernetes-models' validators,
 * generated from the upstream OpenAPI (they do not reject unknown fields).
 */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy':
    ValidatingAdmissionPolicy,
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding':
    ValidatingAdmissionPolicyBinding,
};

/** Adds `additionalProperties: false` to every object schema with properties. */
function strict(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: any = {};
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

let validators: Map<string, ValidateFunction> | undefined;

function load(): Map<string, ValidateFunction> {
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
  });
  const map = new Map<string, ValidateFunction>();
  OPENAPI_FILES.forEach((file, i) => {
    const doc = JSON.parse(readFileSync(resolve(CONTRACTS, file), 'utf8'));
    const id = `k8s-${i}`;
    ajv.addSchema({ $id: id, components: strict(doc.components) });
    for (const [gvk, name] of Object.entries(KINDS)) {
      if (doc.components.schemas[name]) {
        map.set(
          gvk,
          ajv.compile({ $ref: `${id}#/components/schemas/${name}` }),
        );
      }
    }
  });
  // The ApplicationSet CRD is not vendored: its API type from the swagger.
  const swagger = JSON.parse(
    readFileSync(resolve(CONTRACTS, 'argocd/swagger.json'), 'utf8'),
  );
  ajv.addSchema({ $id: 'argocd', definitions: strict(swagger.definitions) });
  const applicationSet = ajv.compile({
    $ref: 'argocd#/definitions/v1alpha1ApplicationSet',
  });
  const withoutTypeMeta = ((o: any) => {
    const { apiVersion: _a, kind: _k, ...rest } = o;
    const ok = applicationSet(rest);
    withoutTypeMeta.errors = applicationSet.errors;
    return ok;
  }) as any;
  map.set('argoproj.io/v1alpha1/ApplicationSet', withoutTypeMeta);
  const objectMeta = ajv.compile({
    $ref: 'k8s-0#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  });
  for (const [gvk, file] of Object.entries(CRDS)) {
    const crd = parse(readFileSync(resolve(CONTRACTS, file), 'utf8'));
    const [group, name, kind] = gvk.split('/');
    // A served version; for the Flux kinds the storage version too (each
    // Flux CRD serves one version; Kyverno's v1 is served, v1beta1 stored).
    const version = crd.spec.versions.find(
      (v: any) =>
        v.name === name &&
        v.served &&
        (v.storage || !group.endsWith('.fluxcd.io')),
    );
    if (crd.spec.group !== group || crd.spec.names.kind !== kind || !version) {
      throw new Error(`${file} does not serve ${gvk} (as its storage version)`);
    }
    const schema = ajv.compile(strict(version.schema.openAPIV3Schema));
    const withMeta = ((o: any) => {
      const ok = schema(o);
      const metaOk =
        o === null || typeof o !== 'object' || o.metadata === undefined
          ? true
          : objectMeta(o.metadata);
      withMeta.errors = [
        ...(ok ? [] : schema.errors ?? []),
        ...(metaOk ? [] : objectMeta.errors ?? []).map(e => ({
          ...e,
          instancePath: `/metadata${e.instancePath}`,
        })),
      ];
      return ok && metaOk;
    }) as any;
    map.set(gvk, withMeta);
  }
  return map;
}

/**
 * Validates an object against the upstream schema of its apiVersion and kind.
 * Returns the error messages; throws for kinds without a schema here.
 */
export function validateAgainstContracts(object: any): string[] {
  validators ??= load();
  const gvk = `${object.apiVersion}/${object.kind}`;
  const Model = MODELS[gvk];
  if (Model) {
    try {
      new Model(object).validate();
      return [];
    } catch (e) {
      return [`${gvk} ${(e as Error).message}`];
    }
  }
  const validate = validators.get(gvk);
  if (!validate) throw new Error(`no contract for ${gvk}`);
  return validate(object)
    ? []
    : (validate.errors ?? []).map(
        e =>
          `${gvk} ${e.instancePath || '/'} ${e.message} ${JSON.stringify(
            e.params,
          )}`,
      );
}

let vclusterValues: ValidateFunction | undefined;

/** Validates vcluster.yaml values against the chart's values.schema.json (0.36.1). */
export function validateVClusterValuesAgainstContract(
  values: unknown,
): string[] {
  if (!vclusterValues) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    vclusterValues = ajv.compile(
      JSON.parse(
        readFileSync(
          resolve(
            __dirname,
            '../../../scaffolder-backend-module-tenancy/src/vcluster/vclusterValues-0.36.1.schema.json',
          ),
          'utf8',
        ),
      ),
    );
  }
  return vclusterValues(values)
    ? []
    : (vclusterValues.errors ?? []).map(
        e => `values ${e.instancePath || '/'} ${e.message}`,
      );
}
