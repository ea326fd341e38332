import { z as zod } from 'zod/v3';

/**
 * The outputs every tenancy action sets: the files of the change (see
 * runProvisioning) and its pull request (see publishChange).
 */
export const changeOutput = {
  files: (z: typeof zod) =>
    z
      .array(z.string())
      .describe(
        'Files of the change, relative to the repository root; for a decommission, the files it deletes.',
      ),
  branch: (z: typeof zod) =>
    z.string().optional().describe('The branch of the pull request.'),
  pullRequestUrl: (z: typeof zod) =>
    z.string().optional().describe('URL of the pull request.'),
  pullRequestNumber: (z: typeof zod) =>
    z.number().optional().describe('Number of the pull request.'),
};
