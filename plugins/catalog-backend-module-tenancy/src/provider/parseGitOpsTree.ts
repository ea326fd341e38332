import { createHash } from 'node:crypto';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  makeValidator,
} from '@backstage/catalog-model';
import {
  GitOpsLayout,
  TENANCY_ANNOTATIONS,
  TENANT_API_VERSION,
  TENANT_KIND,
  validateDnsLabel,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { Candidate, pushIf } from './Candidate';
import { checkLinks } from './checkLinks';
import { checkWorkload } from './checkWorkload';
import { ANNOTATION_INGESTION_ERROR } from './ingestionError';
import { readCandidate } from './readCandidate';

/** A file of the GitOps repository, its path relative to the repository root. */
export interface TreeFile {
  path: string;
  content: string;
  /**
   * The file's size in bytes when its content was not read because it is over
   * `MAX_FILE_BYTES` (`content` is then empty); otherwise the size of `content`.
   */
  size?: number;
}

/** What went wrong with one file: the entity it would have produced is not ingested. */
export interface TreeProblem {
  path: string;
  message: string;
}

export interface ParsedTree {
  /** Every entity of the tree; those with problems carry the ingestion-error annotation. */
  entities: Entity[];
  problems: TreeProblem[];
}

const entityNames = makeValidator();

/**
 * Turns the files of a GitOps repository into catalog entities: clusters,
 * Tenants, and their namespaces and vClusters.
 *
 * Every check failure is located (file and rule) and confined to the entity of
 * that file: it is still emitted, carrying the error, so the catalog records
 * it as a processing error of that entity and leaves the others alone.
 */
export function parseGitOpsTree(options: {
  files: TreeFile[];
  layout: GitOpsLayout;
  /** The catalog location of a file, e.g. `url:https://…/tenants/a/tenant.yaml`. */
  locationOf: (path: string) => string;
}): ParsedTree {
  const { files, layout, locationOf } = options;

  const candidates: Candidate[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const place = layout.classify(file.path);
    if (place) {
      candidates.push(readCandidate(file, place));
    }
  }

  const tenants = new Map<string, Candidate>();
  for (const c of candidates) {
    checkLinks(c);
    if (c.place.type === 'tenant') {
      checkTenant(c);
      tenants.set(c.place.tenant, c);
    } else if (c.place.type === 'cluster') {
      checkCluster(c);
    }
  }
  for (const c of candidates) {
    if (c.place.type === 'workload') {
      checkWorkload(c, tenants.get(c.place.tenant));
    }
  }
  checkDoubleClaims(candidates.filter(c => c.place.type === 'workload'));
  checkDuplicateEntities(candidates);

  const entities: Entity[] = [];
  const problems: TreeProblem[] = [];
  for (const c of candidates) {
    const location = locationOf(c.path);
    if (c.problems.length > 0) {
      const message = `${c.path}: ${c.problems.join('; ')}`;
      problems.push({ path: c.path, message });
      entities.push(withAnnotations(envelopeOf(c), location, message));
    } else {
      entities.push(withAnnotations(c.entity!, location));
    }
  }
  return { entities, problems };
}

function checkTenant(c: Candidate) {
  const { tenant } = c.place as { tenant: string };
  pushIf(c, validateDnsLabel(tenant, 'tenant folder name'));
  const entity = c.entity;
  if (!entity) return;
  if (entity.apiVersion !== TENANT_API_VERSION || entity.kind !== TENANT_KIND) {
    c.problems.push(
      `must be a ${TENANT_KIND} of apiVersion ${TENANT_API_VERSION}, found ${entity.kind} of ${entity.apiVersion}`,
    );
  }
  if (entity.metadata?.name !== tenant) {
    c.problems.push(
      `metadata.name "${entity.metadata?.name}" must match the tenant folder "${tenant}"`,
    );
  }
}

function checkCluster(c: Candidate) {
  const { cluster } = c.place as { cluster: string };
  pushIf(c, validateDnsLabel(cluster, 'cluster file name'));
  const entity = c.entity;
  if (!entity) return;
  if (
    entity.kind !== 'Resource' ||
    entity.spec?.type !== 'kubernetes-cluster'
  ) {
    c.problems.push('must be a Resource of spec.type kubernetes-cluster');
  }
  if (entity.metadata?.name !== cluster) {
    c.problems.push(
      `metadata.name "${entity.metadata?.name}" must match the file name "${cluster}"`,
    );
  }
}

/** The same Kubernetes namespace on the same cluster in the folders of two tenants. */
function checkDoubleClaims(workloads: Candidate[]) {
  const claims = new Map<string, Candidate[]>();
  for (const c of workloads) {
    const annotations = c.entity?.metadata?.annotations ?? {};
    const cluster = annotations[TENANCY_ANNOTATIONS.kubernetesCluster];
    const namespace =
      annotations[TENANCY_ANNOTATIONS.kubernetesNamespace] ??
      c.entity?.metadata?.name;
    if (!cluster || !namespace) continue;
    const key = `${cluster}/${namespace}`;
    claims.set(key, [...(claims.get(key) ?? []), c]);
  }
  for (const [key, claimants] of claims) {
    const tenants = new Set(
      claimants.map(c => (c.place as { tenant: string }).tenant),
    );
    if (tenants.size < 2) continue;
    const [cluster, namespace] = key.split('/');
    for (const c of claimants) {
      const others = claimants.filter(o => o !== c).map(o => o.path);
      c.problems.push(
        `namespace "${namespace}" on cluster "${cluster}" is claimed by several tenants (also in ${others.join(
          ', ',
        )})`,
      );
    }
  }
}

/** Two files that would produce the same catalog entity. */
function checkDuplicateEntities(candidates: Candidate[]) {
  const byRef = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const e = c.entity;
    if (
      !e ||
      typeof e.kind !== 'string' ||
      typeof e.metadata?.name !== 'string'
    )
      continue;
    const ref = `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLocaleLowerCase('en-US');
    byRef.set(ref, [...(byRef.get(ref) ?? []), c]);
  }
  for (const [ref, group] of byRef) {
    if (group.length < 2) continue;
    for (const c of group) {
      const others = group.filter(o => o !== c).map(o => o.path);
      c.problems.push(`entity ${ref} is also defined in ${others.join(', ')}`);
    }
  }
}

/**
 * The entity to carry a file's problems into the catalog. The parsed entity
 * when its envelope is sound, otherwise a stand-in named after the file's
 * place, so one broken file can never break the provider's whole mutation.
 */
function envelopeOf(c: Candidate): Entity {
  const e = c.entity;
  if (
    e &&
    typeof e.apiVersion === 'string' &&
    typeof e.kind === 'string' &&
    entityNames.isValidKind(e.kind) &&
    typeof e.metadata === 'object' &&
    e.metadata !== null &&
    typeof e.metadata.name === 'string' &&
    entityNames.isValidEntityName(e.metadata.name) &&
    (e.metadata.namespace === undefined ||
      entityNames.isValidNamespace(e.metadata.namespace))
  ) {
    return e;
  }
  const place = c.place;
  const [apiVersion, kind, wanted] =
    place.type === 'tenant'
      ? [TENANT_API_VERSION, TENANT_KIND, place.tenant]
      : [
          'backstage.io/v1alpha1',
          'Resource',
          place.type === 'cluster' ? place.cluster : place.name,
        ];
  const name = entityNames.isValidEntityName(wanted)
    ? wanted
    : `invalid-${createHash('sha256')
        .update(c.path)
        .digest('hex')
        .slice(0, 12)}`;
  return { apiVersion, kind, metadata: { name }, spec: {} };
}

function withAnnotations(
  entity: Entity,
  location: string,
  error?: string,
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        ...(error ? { [ANNOTATION_INGESTION_ERROR]: error } : {}),
      },
    },
  };
}
