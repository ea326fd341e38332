import { Environment } from '@marcbachmann/cel-js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';
import { renderVClusterRegistration } from './renderVClusterRegistration';
import { renderVClusterValues } from './renderVClusterBundle';
import { vclusterArgoCluster } from './vclusterArgoCluster';

const CONTRACTS = resolve(__dirname, '../../../../contracts');
const contract = (file: string) =>
  JSON.parse(readFileSync(resolve(CONTRACTS, file), 'utf8'));
const base64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

const host = 'data-platform-vc-sandbox-dev';
/** The exported Secret as the syncer writes it (contract shape), under the name the bundle asks for. */
const exported = () => {
  const secret = contract(
    'vcluster/examples/kubeconfig-secret.vc-my-vcluster.DERIVED.json',
  );
  secret.metadata.name = `${host}-kubeconfig`;
  secret.metadata.namespace = host;
  return secret;
};

const env = new Environment({ unlistedVariablesAreDyn: true });
const [policy, clusterRole, role, roleBinding] =
  renderVClusterRegistration() as any[];

/** What Kyverno does with a trigger: match conditions, then the variables in order. */
function generate(object: any) {
  const context: Record<string, any> = { object, variables: {} };
  const matched = policy.spec.matchConditions.every(
    (c: any) => env.evaluate(c.expression, context) === true,
  );
  if (!matched) return undefined;
  for (const v of policy.spec.variables) {
    context.variables[v.name] = env.evaluate(v.expression, context);
  }
  return context.variables.clusterSecret;
}

describe('renderVClusterRegistration', () => {
  it("turns the exported kubeconfig into an Argo CD cluster Secret with the vCluster's stable name and the server its kubeconfig names", () => {
    const secret = generate(exported());
    expect(validateAgainstContracts(secret)).toEqual([]);
    const { name, server } = vclusterArgoCluster(host);
    expect(name).toBe(`vcluster-${host}`);
    expect(secret.metadata).toEqual({
      name,
      namespace: 'argocd',
      labels: {
        'argocd.argoproj.io/secret-type': 'cluster',
        'tenancy.io/vcluster': host,
      },
    });
    expect(secret.stringData.name).toBe(name);
    // The server the chart writes into the exported kubeconfig.
    const values = renderVClusterValues({
      tenant: 'data-platform',
      owner: 'group:default/team-data',
      costCenter: 'CC-2001',
      environment: 'dev',
      cluster: 'nonprod-eu-1',
      namespace: host,
      podSecurity: 'baseline',
      quota: {},
    });
    expect(values.exportKubeConfig.additionalSecrets).toEqual([
      expect.objectContaining({ name: `${host}-kubeconfig`, server }),
    ]);
    expect(secret.stringData.server).toBe(server);
    expect(values.controlPlane.proxy.extraSANs).toContain(
      `${host}.${host}.svc`,
    );
  });

  it("carries the exported client certificate as Argo CD's tlsClientConfig, the keys of the upstream example", () => {
    const trigger = exported();
    const config = JSON.parse(generate(trigger).stringData.config);
    const kubeconfig = parse(base64(trigger.data.config));
    expect(config).toEqual({
      tlsClientConfig: {
        insecure: false,
        caData: kubeconfig.clusters[0].cluster['certificate-authority-data'],
        certData: kubeconfig.users[0].user['client-certificate-data'],
        keyData: kubeconfig.users[0].user['client-key-data'],
      },
    });
    const upstream = contract(
      'argocd/examples/cluster-secret.vcluster-my-vcluster.DERIVED.json',
    );
    expect(Object.keys(generate(trigger).stringData).sort()).toEqual(
      Object.keys(upstream.data).sort(),
    );
    expect(Object.keys(config.tlsClientConfig).sort()).toEqual(
      Object.keys(
        JSON.parse(base64(upstream.data.config)).tlsClientConfig,
      ).sort(),
    );
  });

  it('ignores other Secrets of the host namespace and an export without a certificate', () => {
    expect(
      generate({
        ...exported(),
        metadata: { name: 'vc-other', namespace: host },
      }),
    ).toBeUndefined();
    const tokenOnly = exported();
    tokenOnly.data['client-key'] = '';
    expect(generate(tokenOnly)).toBeUndefined();
  });

  it('selects host namespaces by their vCluster label, writes only into Argo CD and lets Kyverno do it', () => {
    expect(policy.spec.matchConstraints.namespaceSelector).toEqual({
      matchExpressions: [{ key: 'tenancy.io/vcluster', operator: 'Exists' }],
    });
    expect(policy.spec.generate).toEqual([
      { expression: "generator.Apply('argocd', [variables.clusterSecret])" },
    ]);
    for (const object of [clusterRole, role, roleBinding]) {
      expect(validateAgainstContracts(object)).toEqual([]);
    }
    // Cluster-wide it only reads; it writes Secrets in Argo CD's namespace only.
    expect(clusterRole.rules).toEqual([
      {
        apiGroups: [''],
        resources: ['secrets'],
        verbs: ['get', 'list', 'watch'],
      },
    ]);
    expect(role.metadata.namespace).toBe('argocd');
    expect(roleBinding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: 'kyverno-background-controller',
        namespace: 'kyverno',
      },
    ]);
  });
});
