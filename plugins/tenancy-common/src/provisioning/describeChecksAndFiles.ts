import type { ProvisioningCheck } from './PreparedChange';
import { escapeMarkdown as escape } from './escapeMarkdown';

const MARKS: Record<ProvisioningCheck['result'], string> = {
  passed: '[x]',
  failed: '[ ] **failed:**',
  skipped: '[ ] _skipped:_',
};

/**
 * The end of every request body: the checks that ran with their result, and
 * the files (none for a body that lists them itself).
 *
 * @public
 */
export function describeChecksAndFiles(
  checks: ProvisioningCheck[],
  files: string[],
): string[] {
  return [
    '### Checks',
    '',
    ...(checks.length
      ? checks.map(
          check =>
            `- ${MARKS[check.result]} ${check.name}${
              check.detail ? ` (${escape(check.detail)})` : ''
            }`,
        )
      : ['- none recorded']),
    '',
    ...(files.length
      ? ['### Files', '', ...files.map(file => `- \`${file}\``), '']
      : []),
    '_Opened by the Backstage tenancy plugin._',
  ];
}
