/**
 * A revision as people read it: a bare 40-hex commit to its first 7; Flux's
 * `<branch or tag>@sha1:<commit>` (or `@sha256:<digest>`) to `<branch>@<7>`,
 * a bare `sha256:<digest>` to `sha256:<7>`; anything else (a chart version)
 * as it is.
 */
export function shortRevision(revision: string): string {
  if (/^[0-9a-f]{40}$/.test(revision)) return revision.slice(0, 7);
  const flux = /^(?:(.*)@)?(sha1|sha256):([0-9a-f]{7})[0-9a-f]*$/.exec(
    revision,
  );
  if (!flux) return revision;
  return flux[1] ? `${flux[1]}@${flux[3]}` : `${flux[2]}:${flux[3]}`;
}
