import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateUpstreamResponse } from './__testUtils__/validateUpstreamResponse';
import { SERVED_LISTS as LISTS } from './routes/kubernetesRoutes';

const documents: any[] = parseAllDocuments(
  readFileSync(
    resolve(__dirname, '../../../docs/rbac/tenancy-reader.yaml'),
    'utf8',
  ),
).map(doc => doc.toJSON());
const byKind = (kind: string) => documents.filter(d => d.kind === kind);
const [role] = byKind('ClusterRole');
const [binding] = byKind('ClusterRoleBinding');
const [account] = byKind('ServiceAccount');

/** `api/v1` → `''`, `apis/apps/v1` → `apps`. */
const apiGroupOf = (path: string) =>
  path === 'api/v1' ? '' : path.split('/')[1];

/**
 * The one group granted whole: each Gatekeeper ConstraintTemplate adds a
 * resource of its own to it, so no fixed list can name them.
 */
const WHOLE_GROUP = 'constraints.gatekeeper.sh';

const grants = (apiGroup: string, resource: string, verb: string) =>
  role.rules.some(
    (r: any) =>
      r.apiGroups.includes(apiGroup) &&
      (r.resources.includes(resource) ||
        (apiGroup === WHOLE_GROUP && r.resources.includes('*'))) &&
      r.verbs.includes(verb),
  );

describe('docs/rbac/tenancy-reader.yaml', () => {
  it.each([
    ['kubernetes', 'ServiceAccount'],
    ['kubernetes', 'Secret'],
    ['kubernetes-rbac', 'ClusterRole'],
    ['kubernetes-rbac', 'ClusterRoleBinding'],
  ])('holds one %s %s that follows the OpenAPI', (spec, kind) => {
    const found = byKind(kind);
    expect(found).toHaveLength(1);
    expect(
      validateUpstreamResponse(
        spec as 'kubernetes',
        `io.k8s.api.${spec === 'kubernetes' ? 'core' : 'rbac'}.v1.${kind}`,
        found[0],
      ),
    ).toEqual([]);
  });

  it('binds the role to the service account whose token the Secret holds', () => {
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: account.metadata.name,
        namespace: account.metadata.namespace,
      },
    ]);
    expect(
      byKind('Secret')[0].metadata.annotations[
        'kubernetes.io/service-account.name'
      ],
    ).toBe(account.metadata.name);
  });

  it.each(LISTS.map(l => [apiGroupOf(l.group), l.resource]))(
    'grants get and list of %s/%s, which the backends read',
    (apiGroup, resource) => {
      expect(grants(apiGroup, resource, 'list')).toBe(true);
      expect(grants(apiGroup, resource, 'get')).toBe(true);
    },
  );

  it('grants nothing else: only get and list, no wildcard but the constraints group, only the resources read', () => {
    const read = new Set(
      LISTS.map(l => `${apiGroupOf(l.group)}/${l.resource}`),
    );
    for (const rule of role.rules) {
      expect(rule.verbs.every((v: string) => ['get', 'list'].includes(v))).toBe(
        true,
      );
    }
    // Every (group, resource) granted is one the backends read, or the whole
    // of the constraints group (its kinds are the constraint templates').
    const granted = role.rules.flatMap((rule: any) =>
      rule.apiGroups.flatMap((apiGroup: string) =>
        rule.resources.map((resource: string) => `${apiGroup}/${resource}`),
      ),
    );
    const unread = granted.filter(
      (g: string) => !read.has(g) && g !== `${WHOLE_GROUP}/*`,
    );
    expect(unread).toEqual([]);
  });
});
