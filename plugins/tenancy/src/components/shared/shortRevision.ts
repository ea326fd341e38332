/**
 * A revision as people read it: a bare 40-hex commit to its first 7; Flux's
 * `<branch>@sha1:<commit>` to `<branch>@<7>`; anything else (a chart
 * version) as it is.
 */
export function shortRevision(revision: string): string {
  if (/^[0-9a-f]{40}$/.test(revision)) return revision.slice(0, 7);
  const flux = /^(.*)@sha(?:1|256):([0-9a-f]{7})[0-9a-f]*$/.exec(revision);
  return flux ? `${flux[1]}@${flux[2]}` : revision;
}
