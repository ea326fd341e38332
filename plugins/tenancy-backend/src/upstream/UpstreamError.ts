/**
 * A failed upstream call, with a message safe to log and to return: the
 * status and the upstream's own message, never request headers or tokens.
 */
export class UpstreamError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the upstream answered. */
    readonly status?: number,
    /** Whether trying again may help: network errors, timeouts and 5xx. */
    readonly retryable = status === undefined ||
      status >= 500 ||
      status === 429,
    /**
     * The `reason` of a Kubernetes `Status` body (e.g. `NotFound`): the API
     * server's own answer, as opposed to the Kubernetes backend's.
     */
    readonly kubernetesReason?: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}
