import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  isTenantEntity,
  SourceError,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyPart } from '../catalog/TenancyCatalogIndex';
import { FleetData } from '../snapshots/FleetData';
import { ArgoApplicationRecord } from '../sources/types';
import { ArgoCdSelection, readArgoCdSelection } from './readArgoCdSelection';

/** The Argo CD applications of an entity and of each of its parts. */
export interface ApplicationsOf {
  /** Per part, in the order given: the applications its row shows. */
  byPart: ArgoApplicationRecord[][];
  /** The entity's applications: what its counts are made of. */
  all: ArgoApplicationRecord[];
  /** For a Tenant, those of `all` that no part's row shows. */
  others: ArgoApplicationRecord[];
  /** Annotations that could not be applied, one per entity. */
  problems: SourceError[];
}

/**
 * Decides which Argo CD applications belong to a Tenant, namespace or
 * vCluster entity. By default, a namespace or vCluster has those deploying
 * into it (destination cluster and namespace), and a Tenant those of its
 * parts plus those labelled `tenancy.io/tenant` with its name or in the
 * AppProject of its name. An entity with `argocd/app-name` or
 * `argocd/app-selector` has exactly the applications they choose instead
 * (`readArgoCdSelection`). Selections are computed once per snapshot of the
 * sources and shared by every entity with the same annotations.
 */
export class EntityApplications {
  private readonly selected = new WeakMap<
    FleetData,
    Map<string, ArgoApplicationRecord[]>
  >();

  private select(
    data: FleetData,
    selection: ArgoCdSelection,
    picks: (app: ArgoApplicationRecord) => boolean,
  ): ArgoApplicationRecord[] {
    let bySelection = this.selected.get(data);
    if (!bySelection) this.selected.set(data, (bySelection = new Map()));
    let apps = bySelection.get(selection.key);
    if (!apps) {
      apps = data.allApplications().filter(picks);
      bySelection.set(selection.key, apps);
    }
    return apps;
  }

  /** The entity's annotated applications, or `fallback` restricted to its instance. */
  private choose(
    data: FleetData,
    entity: Entity,
    problems: SourceError[],
    fallback: () => ArgoApplicationRecord[],
  ): ArgoApplicationRecord[] {
    const selection = readArgoCdSelection(entity, data.argoCdInstances());
    if (!selection) return fallback();
    if (selection.problem) {
      problems.push({
        source: stringifyEntityRef(entity),
        kind: 'argocd',
        message: selection.problem,
      });
    }
    if (selection.picks) return this.select(data, selection, selection.picks);
    return fallback().filter(app => app.instance === selection.instance);
  }

  /** The applications of `entity`, whose parts are `parts` (itself for a namespace or vCluster). */
  of(data: FleetData, entity: Entity, parts: TenancyPart[]): ApplicationsOf {
    const problems: SourceError[] = [];
    const byPart = parts.map(part =>
      this.choose(data, part.entity, problems, () =>
        data.applications(part.cluster, part.namespace),
      ),
    );
    const placed = new Set(byPart.flat());
    if (!isTenantEntity(entity)) {
      return { byPart, all: [...placed], others: [], problems };
    }
    const all = this.choose(data, entity, problems, () => [
      ...placed,
      ...data
        .tenantApplications(entity.metadata.name)
        .filter(app => !placed.has(app)),
    ]);
    return {
      byPart,
      all,
      others: all.filter(app => !placed.has(app)),
      problems,
    };
  }
}
