import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  LabelSelectorMatcher,
  parseLabelSelector,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ArgoApplicationRecord } from '../sources/types';

/** The entity annotations of the Roadie and Red Hat Argo CD plugins this backend honours. */
export const ARGOCD_ANNOTATIONS = {
  appName: 'argocd/app-name',
  appSelector: 'argocd/app-selector',
  instanceName: 'argocd/instance-name',
} as const;

/** Which applications an entity's Argo CD annotations choose. */
export interface ArgoCdSelection {
  /** The same for entities with the same annotations. */
  key: string;
  /** Only applications of this instance (`argocd/instance-name`). */
  instance?: string;
  /**
   * The applications named or selected, in place of the default matching;
   * absent when only the instance is given.
   */
  picks?: (app: ArgoApplicationRecord) => boolean;
  /** What is wrong with the annotations, naming the annotation and the rule. */
  problem?: string;
}

/**
 * Reads `argocd/app-name` (one application name, or several separated by
 * commas), `argocd/app-selector` (a Kubernetes label selector, matched as
 * Argo CD's `GET /api/v1/applications?selector=` matches it) and
 * `argocd/instance-name` (the instance to look in; all instances when
 * absent). With a name or a selector, the entity's applications are those
 * named plus those selected; with only an instance, the default matching
 * restricted to that instance. Undefined when the entity has none of them.
 */
export function readArgoCdSelection(
  entity: Entity,
  instances: string[],
): ArgoCdSelection | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const instance =
    annotations[ARGOCD_ANNOTATIONS.instanceName]?.trim() || undefined;
  const names = (annotations[ARGOCD_ANNOTATIONS.appName] ?? '')
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  const selectorText =
    annotations[ARGOCD_ANNOTATIONS.appSelector]?.trim() ?? '';
  if (!instance && names.length === 0 && !selectorText) return undefined;

  const key = JSON.stringify([instance, names, selectorText]);
  const problems: string[] = [];
  if (instance && !instances.includes(instance)) {
    problems.push(
      `${
        ARGOCD_ANNOTATIONS.instanceName
      } "${instance}" is not an instance of argocd.appLocatorMethods (${
        instances.join(', ') || 'none configured'
      })`,
    );
  }
  let selects: LabelSelectorMatcher | undefined;
  if (selectorText) {
    try {
      selects = parseLabelSelector(selectorText);
    } catch (error) {
      problems.push(
        `${
          ARGOCD_ANNOTATIONS.appSelector
        } "${selectorText}" is not a label selector: ${
          (error as Error).message
        }`,
      );
    }
  }
  const named = new Set(names);
  const inInstance = (app: ArgoApplicationRecord) =>
    !instance || app.instance === instance;
  return {
    key,
    instance,
    picks:
      names.length > 0 || selectorText
        ? app =>
            inInstance(app) &&
            (named.has(app.name) || (selects?.(app.labels) ?? false))
        : undefined,
    problem: problems.length
      ? `${stringifyEntityRef(entity)}: ${problems.join('; ')}`
      : undefined,
  };
}
