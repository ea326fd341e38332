import { z } from 'zod';
import { UpstreamError } from './UpstreamError';

/**
 * Parses an upstream payload with its schema; a payload that does not fit
 * becomes a non-retryable {@link UpstreamError} naming the first bad field.
 */
export function parseUpstream<T extends z.ZodType>(
  schema: T,
  payload: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join('.') || '(root)';
  throw new UpstreamError(
    `malformed ${what}: ${path}: ${issue.message}`,
    undefined,
    false,
  );
}
