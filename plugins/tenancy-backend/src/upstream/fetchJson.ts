import { UpstreamError } from './UpstreamError';

/** The upstream's own error text, from its JSON error shapes or plain text. */
function upstreamMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    const message = body?.message ?? body?.error;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // not JSON
  }
  return text.replace(/\s+/g, ' ').slice(0, 300);
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
    throw new UpstreamError(
      `HTTP ${res.status} from ${path}: ${upstreamMessage(text)}`,
      res.status,
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
