/**
 * The end of every request body: the checks that passed and the files.
 *
 * @public
 */
export function describeChecksAndFiles(
  checks: string[],
  files: string[],
): string[] {
  return [
    '### Checks that passed',
    '',
    ...checks.map(check => `- [x] ${check}`),
    '',
    '### Files',
    '',
    ...files.map(file => `- \`${file}\``),
    '',
    '_Opened by the Backstage tenancy plugin._',
  ];
}
