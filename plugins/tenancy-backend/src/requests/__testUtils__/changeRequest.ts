import { ChangeRequest } from '@tenancy-plugins/backstage-plugin-tenancy-node';

/** A change of one file for a request branch, as the tenancy actions publish it. */
export const changeRequest = (
  branch: string,
  title: string,
  requestedBy?: string,
): ChangeRequest => ({
  branch,
  title,
  body: 'body',
  files: { [`${branch.replace(/\//g, '-')}.yaml`]: 'kind: Namespace\n' },
  fingerprint: branch,
  whenOpenDiffers: 'conflict',
  requestedBy,
});
