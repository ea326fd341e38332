import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';
import {
  changeProjectDestination,
  readProjectDestinations,
  renderTenantAppProject,
} from './renderTenantAppProject';
import { vclusterArgoCluster } from './vclusterArgoCluster';

const project = () =>
  renderTenantAppProject({
    tenant: 'payments',
    ssoGroup: 'payments-developers',
    sourceRepos: ['https://git.example.com/payments/deploy.git'],
    destinations: [
      { cluster: 'prod-eu-1', namespace: 'payments-prod' },
      { cluster: 'nonprod-eu-1', namespace: 'payments-dev' },
    ],
  });

describe('renderTenantAppProject', () => {
  it('renders an AppProject the Argo CD CRD accepts, with explicit destinations and exact API groups', () => {
    const p = project() as any;
    expect(validateAgainstContracts(p)).toEqual([]);
    expect(p.metadata).toMatchObject({ name: 'payments', namespace: 'argocd' });
    expect(p.spec.destinations).toEqual([
      { name: 'nonprod-eu-1', namespace: 'payments-dev' },
      { name: 'prod-eu-1', namespace: 'payments-prod' },
    ]);
    expect(p.spec.clusterResourceWhitelist).toEqual([]);
    const kinds = [
      ...p.spec.namespaceResourceWhitelist,
      ...p.spec.namespaceResourceBlacklist,
    ];
    expect(kinds.some((k: any) => /[*?!]/.test(k.group + k.kind))).toBe(false);
    expect(p.spec.namespaceResourceBlacklist).toEqual(
      expect.arrayContaining([
        { group: '', kind: 'ResourceQuota' },
        { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
        { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
      ]),
    );
    expect(readProjectDestinations(p).problems).toEqual([]);
  });

  it('adds and removes one destination, sorted and without duplicates', () => {
    const added = changeProjectDestination(project(), {
      add: { cluster: 'nonprod-eu-1', namespace: 'payments-api-dev' },
    });
    expect(readProjectDestinations(added).destinations).toEqual([
      { cluster: 'nonprod-eu-1', namespace: 'payments-api-dev' },
      { cluster: 'nonprod-eu-1', namespace: 'payments-dev' },
      { cluster: 'prod-eu-1', namespace: 'payments-prod' },
    ]);
    const again = changeProjectDestination(added, {
      add: { cluster: 'nonprod-eu-1', namespace: 'payments-api-dev' },
    });
    expect(again).toEqual(added);
    const removed = changeProjectDestination(added, {
      remove: { cluster: 'prod-eu-1', namespace: 'payments-prod' },
    });
    expect(readProjectDestinations(removed).destinations).toHaveLength(2);
  });

  it('adds and removes a vCluster: every namespace inside it, and only there', () => {
    const { destination } = vclusterArgoCluster('payments-vc-sandbox-dev');
    const added = changeProjectDestination(project(), { add: destination });
    expect((added.spec as any).destinations).toEqual([
      { name: 'nonprod-eu-1', namespace: 'payments-dev' },
      { name: 'prod-eu-1', namespace: 'payments-prod' },
      { name: 'vcluster-payments-vc-sandbox-dev', namespace: '*' },
    ]);
    expect(validateAgainstContracts(added)).toEqual([]);
    expect(readProjectDestinations(added).problems).toEqual([]);
    const removed = changeProjectDestination(added, { remove: destination });
    expect(removed).toEqual(project());
  });

  it.each([
    [{ name: 'prod-eu-1', namespace: '*' }],
    [{ name: 'vcluster-*', namespace: '*' }],
    [{ name: 'vcluster-payments-vc-x-dev', namespace: 'payments-*' }],
    [
      {
        name: 'vcluster-payments-vc-x-dev',
        server: 'https://x',
        namespace: '*',
      },
    ],
    [{ name: 'prod-eu-1', namespace: 'payments-*' }],
    [{ name: 'prod-eu-1', namespace: '!kube-system' }],
    [{ server: '*', namespace: 'payments-dev' }],
    [{ server: 'https://kubernetes.default.svc', namespace: 'payments-dev' }],
  ])('refuses to change a project with destination %j', destination => {
    const p = project() as any;
    p.spec.destinations.push(destination);
    expect(readProjectDestinations(p).problems).toHaveLength(1);
    expect(() =>
      changeProjectDestination(p, {
        add: { cluster: 'nonprod-eu-1', namespace: 'x' },
      }),
    ).toThrow(/spec.destinations\[2\]/);
  });
});
