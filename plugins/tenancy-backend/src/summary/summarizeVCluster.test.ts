import { ArgoApplicationRecord } from '../sources/types';
import { summarizeVCluster } from './summarizeVCluster';

const pinned = { chartVersion: '0.36.1', project: 'platform-vclusters' };

const plane = (patch: object = {}) => ({
  namespace: 'payments-vc-dev',
  release: 'payments-vc-dev',
  replicas: 1,
  readyReplicas: 1,
  sleeping: false,
  chartVersion: '0.36.1',
  kubernetesVersion: 'v1.36.0',
  ...patch,
});

const app = (name: string, project: string, patch: object = {}) =>
  ({
    instance: 'argocd',
    name,
    project,
    sync: 'Synced',
    health: 'Healthy',
    revisions: ['0.36.1'],
    url: `https://argocd.example.com/applications/argocd/${name}`,
    labels: {},
    cluster: 'nonprod-eu-1',
    destinationNamespace: 'payments-vc-dev',
    ...patch,
  } as ArgoApplicationRecord);

describe('summarizeVCluster', () => {
  it('is ready at the pinned version, with the chart application of the platform project', () => {
    const state = summarizeVCluster(
      plane(),
      [
        app('payments-api', 'payments', { health: 'Degraded' }),
        app('vcluster-payments-vc-dev', 'platform-vclusters', {
          sync: 'OutOfSync',
        }),
      ],
      pinned,
    );
    expect(state).toEqual({
      status: 'ready',
      replicas: 1,
      readyReplicas: 1,
      sleeping: false,
      chartVersion: '0.36.1',
      pinnedChartVersion: '0.36.1',
      behind: false,
      kubernetesVersion: 'v1.36.0',
      application: expect.objectContaining({
        name: 'vcluster-payments-vc-dev',
        sync: 'OutOfSync',
        health: 'Healthy',
      }),
    });
    expect(state.application).not.toHaveProperty('labels');
  });

  it('marks an older chart as behind, by release number rather than by text', () => {
    const behind = (version: string, pin = '0.36.1') =>
      summarizeVCluster(plane({ chartVersion: version }), [], {
        ...pinned,
        chartVersion: pin,
      }).behind;
    expect(behind('0.36.0')).toBe(true);
    expect(behind('0.35.9')).toBe(true);
    expect(behind('0.36.1')).toBe(false);
    expect(behind('0.36.2')).toBe(false);
    expect(behind('0.36.9', '0.36.10')).toBe(true);
    expect(
      summarizeVCluster(plane({ chartVersion: undefined }), [], pinned),
    ).toMatchObject({ behind: false, pinnedChartVersion: '0.36.1' });
  });

  it('tells sleeping, not ready and not found apart', () => {
    expect(
      summarizeVCluster(
        plane({ replicas: 0, readyReplicas: 0, sleeping: true }),
        [],
        pinned,
      ),
    ).toMatchObject({ status: 'sleeping', sleeping: true });
    expect(
      summarizeVCluster(plane({ readyReplicas: 0 }), [], pinned),
    ).toMatchObject({ status: 'notReady', readyReplicas: 0, replicas: 1 });
    // Scaled to 0 without vcluster pause's annotation: not asleep, not ready.
    expect(
      summarizeVCluster(plane({ replicas: 0, readyReplicas: 0 }), [], pinned),
    ).toMatchObject({ status: 'notReady', sleeping: false });
    expect(summarizeVCluster(null, [], pinned)).toEqual({
      status: 'notFound',
      replicas: 0,
      readyReplicas: 0,
      sleeping: false,
      behind: false,
      pinnedChartVersion: '0.36.1',
    });
  });
});
