import { ConfigReader } from '@backstage/config';
import { readTenancyPolicy } from './readTenancyPolicy';

describe('readTenancyPolicy', () => {
  it('reads environments, ceilings with dotted resource names, sizes and roles', () => {
    const policy = readTenancyPolicy(
      new ConfigReader({
        tenancy: {
          policy: {
            environments: {
              dev: {
                clusters: ['c1'],
                podSecurity: 'baseline',
                ceiling: { 'requests.cpu': '8', pods: 100 },
              },
            },
            quotaSizes: { S: { 'limits.memory': '4Gi' } },
            clusterRoles: ['edit', 'view'],
          },
        },
      }),
    );
    expect(policy.environments.dev).toEqual({
      clusters: ['c1'],
      podSecurity: 'baseline',
      ceiling: { 'requests.cpu': '8', pods: '100' },
    });
    expect(policy.quotaSizes).toEqual({ S: { 'limits.memory': '4Gi' } });
    expect(policy.clusterRoles).toEqual(['edit', 'view']);
    expect(policy.reservedNamespaces).toContain('kube-system');
  });

  it("binds tenants to the platform's tenant role by default, not edit", () => {
    expect(readTenancyPolicy(new ConfigReader({})).clusterRoles).toEqual([
      'tenancy-tenant',
    ]);
  });

  it("reads the vClusters' kubeconfig reader, none by default, and names a wrong one", () => {
    const read = (kubeconfigReader: unknown) =>
      readTenancyPolicy(
        new ConfigReader({
          tenancy: { policy: { vcluster: { kubeconfigReader } } },
        } as any),
      ).vcluster;
    expect(readTenancyPolicy(new ConfigReader({})).vcluster).not.toHaveProperty(
      'kubeconfigReader',
    );
    expect(
      read({ kind: 'ServiceAccount', name: 'portal', namespace: 'backstage' })
        .kubeconfigReader,
    ).toEqual({
      kind: 'ServiceAccount',
      name: 'portal',
      namespace: 'backstage',
    });
    expect(read({ kind: 'User', name: 'portal' }).kubeconfigReader).toEqual({
      kind: 'User',
      name: 'portal',
    });
    expect(() => read({ kind: 'Robot', name: 'portal' })).toThrow(
      'tenancy.policy.vcluster.kubeconfigReader.kind must be ServiceAccount, User or Group, not "Robot"',
    );
    expect(() => read({ kind: 'ServiceAccount', name: 'portal' })).toThrow(
      'tenancy.policy.vcluster.kubeconfigReader.namespace is required for a ServiceAccount and allowed for it only',
    );
    expect(() =>
      read({ kind: 'Group', name: 'portal', namespace: 'backstage' }),
    ).toThrow('kubeconfigReader.namespace is required for a ServiceAccount');
  });

  it('reads the engine of each cluster, Argo CD unless it says flux, and refuses a shared Flux environment', () => {
    const read = (clusters: object, qa = ['nonprod-eu-2']) =>
      readTenancyPolicy(
        new ConfigReader({
          tenancy: {
            policy: {
              environments: {
                dev: { clusters: ['nonprod-eu-1'] },
                qa: { clusters: qa },
              },
              clusters,
            },
          },
        }),
      );
    const policy = read({ 'nonprod-eu-2': { engine: 'flux' }, old: {} });
    expect(policy.clusters).toEqual({
      'nonprod-eu-2': { engine: 'flux' },
      old: { engine: 'argocd' },
    });
    expect(read({}).clusters).toBeUndefined();
    expect(() => read({ 'nonprod-eu-2': { engine: 'fleet' } })).toThrow(
      'tenancy.policy.clusters.nonprod-eu-2.engine must be one of argocd, flux, not "fleet"',
    );
    expect(() =>
      read({ 'nonprod-eu-2': { engine: 'flux' } }, [
        'nonprod-eu-2',
        'nonprod-eu-1',
      ]),
    ).toThrow(
      'tenancy.policy.environments.qa.clusters (flux-one-cluster): environment qa runs on nonprod-eu-2, nonprod-eu-1',
    );
  });

  it('names the key of a wrong Pod Security level', () => {
    expect(() =>
      readTenancyPolicy(
        new ConfigReader({
          tenancy: {
            policy: {
              environments: { prod: { clusters: [], podSecurity: 'strict' } },
            },
          },
        }),
      ),
    ).toThrow(
      'tenancy.policy.environments.prod.podSecurity must be one of privileged, baseline, restricted, not "strict"',
    );
  });

  it('reads the container limits of sizes and environments, and names a broken one', () => {
    const policy = readTenancyPolicy(
      new ConfigReader({
        tenancy: {
          policy: {
            environments: {
              dev: {
                clusters: ['c1'],
                containerLimits: { default: { cpu: '1', memory: '1Gi' } },
              },
            },
            containerLimits: {
              S: { defaultRequest: { cpu: '100m' }, max: { cpu: 2 } },
            },
          },
        },
      }),
    );
    expect(policy.environments.dev.containerLimits).toEqual({
      default: { cpu: '1', memory: '1Gi' },
    });
    expect(policy.containerLimits).toEqual({
      S: { defaultRequest: { cpu: '100m' }, max: { cpu: '2' } },
    });
    expect(() =>
      readTenancyPolicy(
        new ConfigReader({
          tenancy: {
            policy: {
              containerLimits: {
                M: { default: { cpu: '4' }, max: { cpu: '2' } },
              },
            },
          },
        }),
      ),
    ).toThrow(
      'tenancy.policy.containerLimits.M is invalid: default.cpu (limits-order)',
    );
  });

  it('reads the guardrails, by default none with prod enforced and no :latest in prod', () => {
    expect(readTenancyPolicy(new ConfigReader({})).guardrails).toEqual({
      engine: 'none',
      allowedRegistries: [],
      disallowLatestTagIn: ['prod'],
      enforceIn: ['prod'],
      controllerUsers: [
        'system:serviceaccount:argocd:argocd-application-controller',
      ],
    });
    const policy = readTenancyPolicy(
      new ConfigReader({
        tenancy: {
          policy: {
            environments: {
              dev: { clusters: ['c1'] },
              prod: { clusters: ['c2'] },
            },
            guardrails: {
              engine: 'gatekeeper',
              allowedRegistries: ['registry.acme.internal:5000/platform/'],
              disallowLatestTagIn: ['dev', 'prod'],
              enforceIn: [],
              controllerUsers: [
                'system:serviceaccount:flux-system:kustomize-controller',
              ],
            },
          },
        },
      }),
    );
    expect(policy.guardrails).toEqual({
      engine: 'gatekeeper',
      allowedRegistries: ['registry.acme.internal:5000/platform/'],
      disallowLatestTagIn: ['dev', 'prod'],
      enforceIn: [],
      controllerUsers: [
        'system:serviceaccount:flux-system:kustomize-controller',
      ],
    });
  });

  it.each([
    [
      { engine: 'opa' },
      /tenancy.policy.guardrails.engine must be one of kyverno, validating-admission-policy, gatekeeper, none, not "opa"/,
    ],
    [
      { allowedRegistries: ['ghcr.io/acme'] },
      /tenancy.policy.guardrails.allowedRegistries\[0\] "ghcr.io\/acme" is not an image reference prefix/,
    ],
    [
      { enforceIn: ['production'] },
      /tenancy.policy.guardrails.enforceIn names "production", which is not an environment/,
    ],
  ])('names the guardrails key at fault: %j', (guardrails, message) => {
    expect(() =>
      readTenancyPolicy(
        new ConfigReader({
          tenancy: {
            policy: {
              environments: { prod: { clusters: ['c'] } },
              guardrails,
            },
          },
        }),
      ),
    ).toThrow(message);
  });
});
