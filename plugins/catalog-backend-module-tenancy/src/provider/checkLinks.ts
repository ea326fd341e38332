import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_VIEW_URL,
} from '@backstage/catalog-model';
import { Candidate } from './Candidate';

const SAFE_PROTOCOLS = ['http:', 'https:'];

/** Annotations Backstage renders as links (the About card's "View source", "Edit"). */
const URL_ANNOTATIONS = [ANNOTATION_VIEW_URL, ANNOTATION_EDIT_URL];

/** Why `url` may not be rendered as a link, or undefined when it may. */
function unsafe(url: unknown): string | undefined {
  if (typeof url !== 'string') return 'must be a string';
  let protocol;
  try {
    // Parsed as a browser would: it drops tabs, newlines and leading spaces,
    // so "java\tscript:" is caught as "javascript:".
    protocol = new URL(url).protocol;
  } catch {
    return 'must be an absolute http: or https: URL';
  }
  return SAFE_PROTOCOLS.includes(protocol)
    ? undefined
    : `must be an http: or https: URL, found ${protocol}`;
}

/**
 * Links of a file's entity are rendered as `href`s on its pages: only
 * `http:` and `https:` are allowed (a `javascript:`, `data:` or `vbscript:`
 * link would run in the user's session when clicked). Each other link is a
 * problem naming its field, and is removed from the entity, so that even the
 * entity carrying the error holds no such link.
 */
export function checkLinks(c: Candidate) {
  const entity = c.entity;
  if (!entity || typeof entity.metadata !== 'object' || !entity.metadata) {
    return;
  }
  const metadata = { ...entity.metadata };
  let changed = false;

  if (Array.isArray(metadata.links)) {
    metadata.links = metadata.links.filter((link, i) => {
      const why = unsafe((link as { url?: unknown } | null)?.url);
      if (why) c.problems.push(`metadata.links[${i}].url ${why}`);
      return !why;
    });
    changed = metadata.links.length !== entity.metadata.links!.length;
  }

  const annotations = metadata.annotations;
  if (annotations && typeof annotations === 'object') {
    const kept = { ...annotations };
    for (const key of URL_ANNOTATIONS) {
      if (!(key in kept)) continue;
      const why = unsafe(kept[key]);
      if (why) {
        c.problems.push(`metadata.annotations.${key} ${why}`);
        delete kept[key];
        metadata.annotations = kept;
        changed = true;
      }
    }
  }

  if (changed) c.entity = { ...entity, metadata };
}
