/**
 * Simulated Kubernetes, Argo CD and OpenCost/Kubecost APIs for tests,
 * benchmarks and the embedded default. Private; never used in production.
 *
 * @packageDocumentation
 */
export * from './createSimulatorServer';
export * from './SimulatorControls';
export * from './world/SimulatedWorld';
export * from './world/generateWorld';
export * from './world/worldFromGitOpsRepo';
export * from './world/cachedWorld';
export * from './world/quotaUsage';
export * from './world/dailyCost';
export * from './world/applicationStatus';
export { CallCounter } from './routes/simulate';
export { simulatorsModule as default } from './simulatorsModule';
export * from './simulatorBackendConfig';
export * from './catalogEntitiesFor';
