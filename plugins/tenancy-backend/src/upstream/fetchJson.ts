import { UpstreamError } from './UpstreamError';

/**
 * The upstream's own error text, from its JSON error shapes or plain text,
 * and the reason of a Kubernetes Status.
 */
function upstreamMessage(text: string): { message: string; reason?: string } {
  try {
    const body = JSON.parse(text);
    const reason =
      body?.kind === 'Status' && typeof body.reason === 'string'
        ? body.reason
        : undefined;
    // A Kubernetes Status or Argo CD error, or a Backstage error body.
    const message = body?.message ?? body?.error?.message ?? body?.error;
    if (typeof message === 'string') {
      return { message: message.slice(0, 300), reason };
    }
  } catch {
    // not JSON
  }
  return { message: text.replace(/\s+/g, ' ').slice(0, 300) };
}

/**
 * GETs or POSTs JSON. Non-2xx answers and bodies that are not JSON become
 * {@link UpstreamError}s naming the status and the path, not the host's
 * credentials.
 */
export async function fetchJson(
  url: string,
  init: RequestInit & { signal: AbortSignal },
): Promise<unknown> {
  const res = await fetch(url, init);
  const text = await res.text();
  const path = new URL(url).pathname;
  if (!res.ok) {
    const { message, reason } = upstreamMessage(text);
    throw new UpstreamError(
      `HTTP ${res.status} from ${path}: ${message}`,
      res.status,
      undefined,
      reason,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamError(
      `malformed response from ${path}: not JSON`,
      res.status,
      false,
    );
  }
}
