import type { ConfigApi } from '@backstage/frontend-plugin-api';
import { z } from 'zod/v4';
import { checkLinkTemplateUrl } from './checkLinkTemplateUrl';
import {
  OBSERVABILITY_LINK_KINDS,
  ObservabilityLinkTemplate,
} from './ObservabilityLinkTemplate';

/** The config key of the link templates. */
export const OBSERVABILITY_LINKS_KEY = 'tenancy.observability.links';

const NON_EMPTY = 'must be a non-empty string';

const templateSchema = z.object(
  {
    title: z.string({ error: NON_EMPTY }).trim().min(1, NON_EMPTY),
    url: z.string({ error: NON_EMPTY }).min(1, NON_EMPTY),
    kind: z
      .enum(OBSERVABILITY_LINK_KINDS, {
        error: `must be one of ${OBSERVABILITY_LINK_KINDS.join(', ')}`,
      })
      .default('other'),
    for: z.enum(['tenant', 'namespace'], {
      error: 'must be tenant or namespace',
    }),
  },
  { error: 'must be an object with title, url and for' },
);

/** The link templates of the config, or every problem that refuses them. */
export type ObservabilityLinkTemplates =
  | { templates: ObservabilityLinkTemplate[]; problems?: undefined }
  | { templates?: undefined; problems: string[] };

/**
 * Reads and checks `tenancy.observability.links`. One bad template refuses
 * them all (no link is shown, each problem names its key and the rule), so a
 * link that would leak a credential or lead nowhere is fixed, not hidden.
 */
export function readObservabilityLinkTemplates(
  config: ConfigApi,
): ObservabilityLinkTemplates {
  const raw = config.getOptional(OBSERVABILITY_LINKS_KEY) ?? [];
  if (!Array.isArray(raw)) {
    return {
      problems: [`${OBSERVABILITY_LINKS_KEY} must be a list of link templates`],
    };
  }
  const problems: string[] = [];
  const templates: ObservabilityLinkTemplate[] = [];
  raw.forEach((entry, index) => {
    const key = `${OBSERVABILITY_LINKS_KEY}[${index}]`;
    const parsed = templateSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? `.${issue.path.join('.')}` : '';
        problems.push(`${key}${field} ${issue.message}`);
      }
      return;
    }
    const urlProblems = checkLinkTemplateUrl(parsed.data.url);
    problems.push(...urlProblems.map(p => `${key}.url ${p}`));
    templates.push(parsed.data);
  });
  return problems.length ? { problems } : { templates };
}
