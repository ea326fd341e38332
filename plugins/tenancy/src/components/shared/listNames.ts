/**
 * Names for a sentence, the first `max` of them and how many more:
 * `a, b, c` or `a, b, c and 12 more`. A tenant may have hundreds.
 */
export function listNames(names: string[], max = 10): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
