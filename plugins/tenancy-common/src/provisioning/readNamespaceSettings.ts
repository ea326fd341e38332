import { parseAllDocuments } from 'yaml';
import { labelsRule } from '../policy/rules/labels';
import {
  CONTAINER_LIMIT_LEVELS,
  ContainerLimits,
} from '../policy/rules/limits';
import type { Manifest } from '../render/renderNamespaceBundle';

/**
 * One object of a namespace folder's file, as it is on the base branch.
 *
 * @public
 */
export interface CurrentObject {
  /** The file's objects, parsed. */
  objects: Manifest[];
  /** Index in `objects` of the object of interest. */
  index: number;
}

/**
 * The settings a namespace has on the base branch, read from its files: the
 * ResourceQuota's hard limits, the container LimitRange and the Namespace's
 * own labels (those outside the platform's label domains). A file that is
 * absent or holds no such object leaves its part undefined.
 *
 * @public
 */
export interface NamespaceSettings {
  quota?: Record<string, string>;
  limits?: ContainerLimits;
  labels?: Record<string, string>;
  objects: {
    namespace?: CurrentObject;
    quota?: CurrentObject;
    limits?: CurrentObject;
  };
}

function find(
  text: string | undefined,
  match: (o: Manifest) => boolean,
): CurrentObject | undefined {
  if (text === undefined) return undefined;
  const objects = parseAllDocuments(text)
    .map(d => d.toJS({ maxAliasCount: 0 }) as Manifest | null)
    .filter((o): o is Manifest => !!o && typeof o === 'object');
  const index = objects.findIndex(match);
  return index === -1 ? undefined : { objects, index };
}

type Spec = { spec?: { hard?: Record<string, unknown>; limits?: unknown[] } };

/**
 * Reads a namespace's current settings from the texts of its Namespace,
 * ResourceQuota and LimitRange files.
 *
 * @public
 */
export function readNamespaceSettings(files: {
  namespace?: string;
  quota?: string;
  limits?: string;
}): NamespaceSettings {
  const namespace = find(files.namespace, o => o.kind === 'Namespace');
  const quota = find(files.quota, o => o.kind === 'ResourceQuota');
  const limits = find(files.limits, o => o.kind === 'LimitRange');
  const settings: NamespaceSettings = {
    objects: { namespace, quota, limits },
  };
  if (quota) {
    const hard = (quota.objects[quota.index] as Spec).spec?.hard ?? {};
    settings.quota = Object.fromEntries(
      Object.entries(hard).map(([k, v]) => [k, String(v)]),
    );
  }
  if (limits) {
    const items = (limits.objects[limits.index] as Spec).spec?.limits ?? [];
    const container = items.find(
      (i): i is Record<string, unknown> =>
        !!i && (i as { type?: unknown }).type === 'Container',
    );
    settings.limits = {};
    for (const level of CONTAINER_LIMIT_LEVELS) {
      const values = container?.[level] as Record<string, unknown> | undefined;
      if (values) {
        settings.limits[level] = Object.fromEntries(
          Object.entries(values).map(([k, v]) => [k, String(v)]),
        );
      }
    }
  }
  if (namespace) {
    const labels =
      (
        namespace.objects[namespace.index] as {
          metadata?: { labels?: Record<string, string> };
        }
      ).metadata?.labels ?? {};
    settings.labels = Object.fromEntries(
      Object.entries(labels).filter(
        ([k, v]) => labelsRule({ [k]: v }).length === 0,
      ),
    );
  }
  return settings;
}
