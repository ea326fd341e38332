import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractManifestSchemas } from './extractManifestSchemas';

describe('extractManifestSchemas', () => {
  // The project's contracts (../shared/contracts beside the repository, as
  // in CI) are the source of the shipped file; a checkout without them skips
  // this comparison, visibly.
  const contracts = resolve(__dirname, '../../../../../shared/contracts');
  (existsSync(contracts) ? it : it.skip)(
    'ships what re-extracting from the contracts gives (refresh: yarn tsx scripts/extract-manifest-schemas.ts)',
    () => {
      const shipped = JSON.parse(
        readFileSync(resolve(__dirname, 'manifestSchemas.json'), 'utf8'),
      );
      // eslint-disable-next-line jest/no-standalone-expect -- in `it` or `it.skip`
      expect(extractManifestSchemas(contracts)).toEqual(shipped);
    },
  );

  it('ships a definition, with its $ref closure, for every kind it maps', () => {
    const shipped = JSON.parse(
      readFileSync(resolve(__dirname, 'manifestSchemas.json'), 'utf8'),
    );
    expect(Object.keys(shipped.kinds).sort()).toEqual([
      'argoproj.io/v1alpha1/AppProject',
      'argoproj.io/v1alpha1/Application',
      'backstage.io/v1alpha1/Resource',
      'kustomize.toolkit.fluxcd.io/v1/Kustomization',
      'networking.k8s.io/v1/NetworkPolicy',
      'policies.kyverno.io/v1/ValidatingPolicy',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'source.toolkit.fluxcd.io/v1/GitRepository',
      'source.toolkit.fluxcd.io/v1/OCIRepository',
      'v1/LimitRange',
      'v1/Namespace',
      'v1/ResourceQuota',
      'v1/ServiceAccount',
    ]);
    const text = JSON.stringify(shipped.definitions);
    for (const [, name] of text.matchAll(
      /"\$ref":"#\/definitions\/([^"]+)"/g,
    )) {
      expect(shipped.definitions[name]).toBeDefined();
    }
    expect(text).not.toContain('#/components/');
  });
});
