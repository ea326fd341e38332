import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { renderTenantAppProject } from './renderTenantAppProject';
import { renderTenantEntity } from './renderTenantEntity';
import { renderVClusterBundle } from './renderVClusterBundle';
import { serializeManifests } from './serializeManifests';

/** Each file parses back to exactly the objects rendered, document for document. */
function roundTrips(files: Record<string, unknown[]>): boolean {
  for (const [path, objects] of Object.entries(files)) {
    const parsed = parseAllDocuments(serializeManifests(objects)).map(d =>
      d.toJS(),
    );
    if (JSON.stringify(parsed) !== JSON.stringify(objects)) {
      throw new Error(`${path} does not round-trip`);
    }
  }
  return true;
}

const text = fc.string({ unit: 'binary', maxLength: 200 });

describe('free text in the tenant and vCluster files', () => {
  it('can never add a key, an object or a document', () => {
    const layout = GitOpsLayout.create();
    expect(() =>
      fc.assert(
        fc.property(
          text,
          text,
          text,
          text,
          (title, description, sso, purpose) => {
            const tenant = renderTenantEntity({
              name: 'search',
              title,
              description,
              owner: 'group:default/team-search',
              costCenter: 'CC-1',
              ssoGroup: sso,
              environments: ['dev'],
            });
            const project = renderTenantAppProject({
              tenant: 'search',
              ssoGroup: sso,
              sourceRepos: [purpose],
              destinations: [{ cluster: 'c', namespace: 'search-dev' }],
            });
            const vcluster = renderVClusterBundle(
              {
                tenant: 'search',
                owner: 'group:default/team-search',
                costCenter: 'CC-1',
                environment: 'dev',
                cluster: 'c',
                namespace: 'search-vc-x-dev',
                podSecurity: 'baseline',
                quota: { 'requests.cpu': '1' },
                purpose,
                values: {
                  sync: {
                    toHost: {
                      pods: {
                        rewriteHosts: {
                          initContainer: { image: { registry: title } },
                        },
                      },
                    },
                  },
                },
              },
              layout,
              { chartRepo: 'r', chartVersion: '0.36.1', project: 'p' },
            );
            return roundTrips({
              'tenant.yaml': [tenant],
              'appproject.yaml': [project],
              ...vcluster,
            });
          },
        ),
        { numRuns: 200 },
      ),
    ).not.toThrow();
  });
});
