import {
  parseVClusterUpgradeSubject,
  vclusterUpgradeSubject,
} from './vclusterUpgradeSubject';

describe('vclusterUpgradeSubject', () => {
  it('names the upgrade of a vCluster to a version and reads it back', () => {
    const subject = vclusterUpgradeSubject(
      'data-platform-vc-sandbox-dev',
      '0.36.2',
    );
    expect(subject).toBe('data-platform-vc-sandbox-dev-upgrade-0.36.2');
    expect(parseVClusterUpgradeSubject(subject)).toEqual({
      vcluster: 'data-platform-vc-sandbox-dev',
      version: '0.36.2',
    });
    expect(
      parseVClusterUpgradeSubject(vclusterUpgradeSubject('vc', '1.0.0-rc.1')),
    ).toEqual({ vcluster: 'vc', version: '1.0.0-rc.1' });
  });

  it('is not a namespace whose name happens to contain -upgrade-', () => {
    expect(parseVClusterUpgradeSubject('payments-upgrade-dev')).toBeUndefined();
    expect(parseVClusterUpgradeSubject('payments-dev')).toBeUndefined();
    expect(parseVClusterUpgradeSubject('payments-dev-update')).toBeUndefined();
  });
});
