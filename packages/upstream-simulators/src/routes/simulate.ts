import { NextFunction, Request, Response } from 'express';
import { SimulatorControls } from '../SimulatorControls';

/** How one upstream writes its errors. */
export interface UpstreamDialect {
  kind: 'kubernetes' | 'argocd' | 'cost';
  errorBody(status: number, message: string): unknown;
  garbage: unknown;
}

/**
 * Counts calls per target, for the benchmark's upstream-call figures, and per
 * target and path (`kubernetes:cluster-1 /api/v1/namespaces`, no query).
 */
export class CallCounter {
  readonly calls = new Map<string, number>();
  readonly paths = new Map<string, number>();

  count(target: string, path?: string) {
    this.calls.set(target, (this.calls.get(target) ?? 0) + 1);
    if (path === undefined) return;
    const key = `${target} ${path}`;
    this.paths.set(key, (this.paths.get(key) ?? 0) + 1);
  }

  total(): number {
    let sum = 0;
    for (const n of this.calls.values()) sum += n;
    return sum;
  }

  reset() {
    this.calls.clear();
    this.paths.clear();
  }
}

/**
 * Middleware in front of every simulated upstream route: counts the call,
 * waits the configured latency, then shows the target's fault if it has one.
 */
export function simulate(options: {
  dialect: UpstreamDialect;
  target: (req: Request) => string;
  controls: SimulatorControls;
  counter: CallCounter;
}) {
  const { dialect, controls, counter } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    const target = `${dialect.kind}:${options.target(req)}`;
    counter.count(target, req.path);
    const fault = controls.faults[target];
    const act = () => {
      if (fault === 'timeout') return; // the socket stays open, unanswered
      if (fault === 'disconnect') {
        req.socket.destroy();
        return;
      }
      if (fault === 'unauthorized') {
        res.status(401).json(dialect.errorBody(401, 'Unauthorized'));
        return;
      }
      if (
        fault === 'http500' ||
        (controls.errorRate > 0 && Math.random() < controls.errorRate)
      ) {
        res
          .status(500)
          .json(dialect.errorBody(500, 'simulated internal error'));
        return;
      }
      if (fault === 'garbage') {
        res.status(200).json(dialect.garbage);
        return;
      }
      next();
    };
    if (controls.latencyMs > 0) setTimeout(act, controls.latencyMs);
    else act();
  };
}

/** The bearer token of a request, from the header or Argo CD's cookie. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const cookie = req.headers.cookie
    ?.split(';')
    .map(c => c.trim())
    .find(c => c.startsWith('argocd.token='));
  return cookie?.slice('argocd.token='.length);
}
