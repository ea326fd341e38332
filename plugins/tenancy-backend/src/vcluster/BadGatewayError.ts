import { CustomErrorBase } from '@backstage/errors';

/**
 * An upstream this backend reads through could not give what a request
 * needs: answered 502 by Backstage's error handler (its `statusCode`).
 */
export class BadGatewayError extends CustomErrorBase {
  name = 'BadGatewayError' as const;
  readonly statusCode = 502;
}
