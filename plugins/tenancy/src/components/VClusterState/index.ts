export { VClusterStatus } from './VClusterStatus';
export { VClusterChartVersion } from './VClusterChartVersion';
export { VClusterStateSummary } from './VClusterStateSummary';
