import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The upstream definition each rendered apiVersion/kind is validated against,
 * and where it is read from in the project's contracts.
 */
const KUBERNETES = {
  label: 'Kubernetes 1.36',
  files: [
    'kubernetes/openapi-v3/api__v1_openapi.json',
    'kubernetes/openapi-v3/apis__networking.k8s.io__v1_openapi.json',
    'kubernetes/openapi-v3/apis__rbac.authorization.k8s.io__v1_openapi.json',
  ],
  kinds: {
    'v1/Namespace': 'io.k8s.api.core.v1.Namespace',
    'v1/ResourceQuota': 'io.k8s.api.core.v1.ResourceQuota',
    'v1/LimitRange': 'io.k8s.api.core.v1.LimitRange',
    'v1/ServiceAccount': 'io.k8s.api.core.v1.ServiceAccount',
    'networking.k8s.io/v1/NetworkPolicy':
      'io.k8s.api.networking.v1.NetworkPolicy',
    'rbac.authorization.k8s.io/v1/Role': 'io.k8s.api.rbac.v1.Role',
    'rbac.authorization.k8s.io/v1/RoleBinding':
      'io.k8s.api.rbac.v1.RoleBinding',
    'rbac.authorization.k8s.io/v1/ClusterRole':
      'io.k8s.api.rbac.v1.ClusterRole',
  } as Record<string, string>,
};

/** CRDs whose served version's schema a kind is checked against. */
const CRDS: Array<{ label: string; crds: Record<string, string> }> = [
  {
    label: 'Argo CD 3.5.1 CRD',
    crds: {
      'argoproj.io/v1alpha1/Application': 'argocd/application-crd.yaml',
      'argoproj.io/v1alpha1/AppProject': 'argocd/appproject-crd.yaml',
    },
  },
  {
    // A tenant's guardrails.yaml with engine kyverno (renderTenantGuardrails).
    label: 'Kyverno 1.19.0 CRD',
    crds: {
      'policies.kyverno.io/v1/ValidatingPolicy':
        'kyverno/crds/policies.kyverno.io_validatingpolicies.yaml',
    },
  },
  {
    // A Flux cluster's tenant Kustomization (renderFluxTenantKustomization)
    // and a tenant's own delivery (renderFluxTenantDelivery).
    label: 'Flux 2.9 CRD',
    crds: {
      'kustomize.toolkit.fluxcd.io/v1/Kustomization':
        'flux/crds/kustomize.toolkit.fluxcd.io_kustomizations.yaml',
      'source.toolkit.fluxcd.io/v1/GitRepository':
        'flux/crds/source.toolkit.fluxcd.io_gitrepositories.yaml',
      'source.toolkit.fluxcd.io/v1/OCIRepository':
        'flux/crds/source.toolkit.fluxcd.io_ocirepositories.yaml',
    },
  },
];

const BACKSTAGE = {
  label: 'Backstage catalog-model 1.10.1',
  files: [
    'backstage/catalog-model-schema/Entity.schema.json',
    'backstage/catalog-model-schema/EntityMeta.schema.json',
    'backstage/catalog-model-schema/shared/common.schema.json',
    'backstage/catalog-model-schema/kinds/Resource.v1alpha1.schema.json',
  ],
  kinds: {
    'backstage.io/v1alpha1/Resource': 'ResourceV1alpha1',
  } as Record<string, string>,
};

/** The shipped file: what each kind is checked against, and the definitions. */
export interface ManifestSchemas {
  /** `apiVersion/kind` to its definition and the upstream it comes from. */
  kinds: Record<string, { definition: string; source: string }>;
  /** Kubernetes and CRD (Argo CD, Kyverno) definitions, `$ref`s as `#/definitions/<name>`. */
  definitions: Record<string, unknown>;
  /** Backstage catalog schemas, referring to each other by `$id`. */
  catalog: unknown[];
}

/** Keywords whose values are data, not schemas: left as they are. */
const DATA_KEYWORDS = new Set(['default', 'enum', 'const', 'example']);
/** Keywords whose values map names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

/**
 * A schema without what validation does not read (descriptions, examples),
 * with OpenAPI `$ref`s rewritten to the shipped file's `definitions`.
 */
function compact(schema: unknown, refs: Set<string>): unknown {
  if (Array.isArray(schema)) return schema.map(s => compact(s, refs));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') {
      const match = /^#\/components\/schemas\/(.+)$/.exec(value);
      if (match) {
        refs.add(match[1]);
        out.$ref = `#/definitions/${match[1]}`;
        continue;
      }
    }
    if (DATA_KEYWORDS.has(key)) {
      out[key] = value;
    } else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, compact(s, refs)]),
      );
    } else {
      out[key] = compact(value, refs);
    }
  }
  return out;
}

/**
 * Extracts from the project's contracts the definitions the rendered
 * manifests are validated against at request time, with their `$ref` closure:
 * a few hundred kilobytes instead of the megabytes of the full documents.
 * `scripts/extract-manifest-schemas.ts` writes the result to
 * `manifestSchemas.json`; a test compares the two.
 */
export function extractManifestSchemas(contracts: string): ManifestSchemas {
  const read = (file: string) => readFileSync(resolve(contracts, file), 'utf8');
  const kinds: ManifestSchemas['kinds'] = {};
  const definitions: Record<string, unknown> = {};

  const documents = KUBERNETES.files.map(
    file =>
      JSON.parse(read(file)).components.schemas as Record<string, unknown>,
  );
  const lookup = (name: string) => {
    const found = documents.find(schemas => schemas[name]);
    if (!found) throw new Error(`no Kubernetes definition ${name}`);
    return found[name];
  };
  const pending = Object.values(KUBERNETES.kinds);
  while (pending.length) {
    const name = pending.pop()!;
    if (definitions[name]) continue;
    const refs = new Set<string>();
    definitions[name] = compact(lookup(name), refs);
    pending.push(...[...refs].filter(ref => !definitions[ref]));
  }
  for (const [gvk, definition] of Object.entries(KUBERNETES.kinds)) {
    kinds[gvk] = { definition, source: KUBERNETES.label };
  }

  for (const [gvk, file, source] of CRDS.flatMap(({ label, crds }) =>
    Object.entries(crds).map(([k, f]) => [k, f, label]),
  )) {
    const crd = parse(read(file));
    const [group, version, kind] = gvk.split('/');
    const served = crd.spec.versions.find(
      (v: { name: string }) => v.name === version,
    );
    if (crd.spec.group !== group || crd.spec.names.kind !== kind || !served) {
      throw new Error(`${file} does not define ${gvk}`);
    }
    const definition = `${group}.${version}.${kind}`;
    definitions[definition] = compact(served.schema.openAPIV3Schema, new Set());
    kinds[gvk] = { definition, source };
  }

  const catalog = BACKSTAGE.files.map(file =>
    compact(JSON.parse(read(file)), new Set()),
  );
  for (const [gvk, definition] of Object.entries(BACKSTAGE.kinds)) {
    kinds[gvk] = { definition, source: BACKSTAGE.label };
  }

  const sorted = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map(name => [name, definitions[name]]),
  );
  return { kinds, definitions: sorted, catalog };
}
