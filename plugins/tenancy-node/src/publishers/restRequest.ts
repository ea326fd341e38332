import { ResponseError } from '@backstage/errors';

/**
 * One JSON request to a forge's REST API. Statuses in `accept` (besides
 * 2xx) come back as answers, status only; any other failure throws a
 * ResponseError naming the status and the forge's message.
 */
export async function restRequest<T = any>(
  url: string,
  options: {
    method?: string;
    headers: Record<string, string>;
    json?: unknown;
    body?: FormData;
    accept?: number[];
    text?: boolean;
  },
): Promise<{ status: number; data: T }> {
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(options.json !== undefined
        ? { 'Content-Type': 'application/json' }
        : {}),
      ...options.headers,
    },
    body:
      options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  if (!response.ok && !options.accept?.includes(response.status)) {
    throw await ResponseError.fromResponse(response);
  }
  // An accepted failure is answered by its status alone.
  if (!response.ok) return { status: response.status, data: undefined as T };
  const raw = await response.text();
  if (options.text) return { status: response.status, data: raw as T };
  return { status: response.status, data: raw ? JSON.parse(raw) : undefined };
}
