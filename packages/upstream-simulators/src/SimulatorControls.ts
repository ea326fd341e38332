/**
 * A failure a simulated upstream can be told to show:
 * - `timeout`: accepts the request and never answers;
 * - `http500`: answers 500 with the upstream's error body;
 * - `garbage`: answers 200 with a body that is not the upstream's shape;
 * - `unauthorized`: answers 401 as if the credentials were wrong;
 * - `disconnect`: closes the connection without an answer.
 */
export type SimulatedFault =
  | 'timeout'
  | 'http500'
  | 'garbage'
  | 'unauthorized'
  | 'disconnect';

/** The faults a simulator can show, as a list for validation. */
export const SIMULATED_FAULTS: SimulatedFault[] = [
  'timeout',
  'http500',
  'garbage',
  'unauthorized',
  'disconnect',
];

/**
 * How the simulators behave; changed at run time through
 * `PUT /__simulator/controls` or directly in tests.
 */
export interface SimulatorControls {
  /** Added to every upstream call. */
  latencyMs: number;
  /** Share (0..1) of calls answered with a 500 at random. */
  errorRate: number;
  /** Faults by target: `kubernetes:<cluster>`, `argocd:<instance>`, `cost:<instance>`. */
  faults: Record<string, SimulatedFault>;
}

/** Credentials the simulated upstreams accept. */
export interface SimulatorCredentials {
  kubernetesToken: string;
  argocdToken: string;
  argocdUsername: string;
  argocdPassword: string;
}
