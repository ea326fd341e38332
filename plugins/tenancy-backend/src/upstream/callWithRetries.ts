import { UpstreamError } from './UpstreamError';

/** Per-call limits of an upstream call. */
export interface CallPolicy {
  /** Time allowed for one attempt. */
  timeoutMs: number;
  /** Attempts after the first, for retryable failures only. */
  retries: number;
  /** Delay before the first retry; doubled for each further one. */
  backoffMs: number;
}

function describe(error: unknown, timeoutMs: number): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = error as { name?: string; message?: string; cause?: any };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new UpstreamError(`timed out after ${timeoutMs} ms`);
  }
  const cause = e?.cause?.code ?? e?.cause?.message;
  return new UpstreamError(
    `request failed: ${e?.message ?? String(error)}${
      cause ? ` (${cause})` : ''
    }`,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

/**
 * Runs an idempotent upstream call with a timeout per attempt and bounded
 * retries with exponential backoff. `call` gets the attempt's abort signal.
 */
export async function callWithRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  policy: CallPolicy,
): Promise<T> {
  let attempt = 0;
  for (;;) {
    try {
      return await call(AbortSignal.timeout(policy.timeoutMs));
    } catch (error) {
      const failure = describe(error, policy.timeoutMs);
      if (!failure.retryable || attempt >= policy.retries) throw failure;
      await sleep(policy.backoffMs * 2 ** attempt);
      attempt++;
    }
  }
}
