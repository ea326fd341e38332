import type { Entity } from '@backstage/catalog-model';
import { fillLinkTemplate } from './fillLinkTemplate';
import {
  OBSERVABILITY_LINK_KINDS,
  ObservabilityLink,
  ObservabilityLinkTemplate,
} from './ObservabilityLinkTemplate';
import { placeholderValuesOf } from './placeholderValuesOf';

/**
 * The links of an entity: the templates for its kind of page that it can
 * fill, dashboards first, then logs, alerts and others, each group in the
 * order of the config.
 */
export function observabilityLinksFor(
  templates: ObservabilityLinkTemplate[],
  entity: Entity,
): ObservabilityLink[] {
  const placeholders = placeholderValuesOf(entity);
  if (!placeholders) return [];
  const links: ObservabilityLink[] = [];
  for (const template of templates) {
    if (template.for !== placeholders.for) continue;
    const url = fillLinkTemplate(template.url, placeholders.values);
    if (url) links.push({ title: template.title, url, kind: template.kind });
  }
  return OBSERVABILITY_LINK_KINDS.flatMap(kind =>
    links.filter(l => l.kind === kind),
  );
}
