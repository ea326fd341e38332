/**
 * The quota table of a request body: each resource against the environment
 * ceiling.
 *
 * @public
 */
export function describeQuota(
  quota: Record<string, string>,
  ceiling: Record<string, string>,
  environment: string,
): string[] {
  return [
    '### Quota',
    '',
    `| resource | requested | ${environment} ceiling |`,
    '| --- | --- | --- |',
    ...Object.entries(quota).map(
      ([resource, value]) =>
        `| \`${resource}\` | ${value} | ${ceiling[resource] ?? 'no ceiling'} |`,
    ),
    '',
  ];
}
