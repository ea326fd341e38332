import { ChangeRequest } from '../types';

/** A namespace change request for publisher tests, with overrides. */
export function aChange(patch: Partial<ChangeRequest> = {}): ChangeRequest {
  return {
    branch: 'tenancy/payments/payments-api-dev',
    title: 'New namespace payments-api-dev',
    body: 'Requested by alex',
    files: {
      'tenants/payments/dev/payments-api-dev/namespace.yaml':
        'kind: Namespace\n',
    },
    fingerprint: 'f1',
    whenOpenDiffers: 'conflict',
    ...patch,
  };
}
