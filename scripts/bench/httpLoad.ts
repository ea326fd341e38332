/* Bounded HTTP load for the benchmarks: loopback only, stops by itself. */
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 200 });

/** Closes the keep-alive connections, so the process can end. */
export function closeConnections() {
  agent.destroy();
}

/** GET over a keep-alive agent; resolves with status and body. */
export function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request(url, { agent, headers }, res => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', d => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Runs `task` for each item with at most `limit` in flight. */
export async function pool<T>(
  items: T[],
  limit: number,
  task: (t: T) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** `clients` loops hitting `paths` round-robin for `seconds` (bounded); latencies in ms. */
export async function load(
  url: (path: string) => string,
  headers: Record<string, string>,
  paths: string[],
  seconds: number,
  clients: number,
) {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const path = paths[i++ % paths.length];
        const t = performance.now();
        const res = await get(url(path), headers);
        latencies.push(performance.now() - t);
        if (res.status !== 200) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}
