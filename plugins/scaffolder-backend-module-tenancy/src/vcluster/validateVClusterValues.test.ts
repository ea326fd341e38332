import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateVClusterValues } from './validateVClusterValues';

describe('validateVClusterValues', () => {
  // The project's contracts (../shared/contracts beside the repository, as
  // in CI) hold loft-sh/vcluster chart/values.schema.json at v0.36.1; a
  // checkout without them skips this comparison, visibly.
  const upstream = resolve(
    __dirname,
    '../../../../../shared/contracts/vcluster/values.schema.json',
  );
  (existsSync(upstream) ? describe : describe.skip)(
    "the chart's values schema",
    () => {
      it('is shipped as upstream publishes it', () => {
        const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
        expect(
          read(resolve(__dirname, 'vclusterValues-0.36.1.schema.json')),
        ).toEqual(read(upstream));
      });
    },
  );

  it('accepts current keys and names unknown or mistyped ones', () => {
    expect(
      validateVClusterValues({
        sync: { toHost: { ingresses: { enabled: true } } },
      }),
    ).toEqual([]);
    expect(
      validateVClusterValues({ sync: { toHost: { ingress: {} } } }),
    ).toEqual([
      expect.objectContaining({
        field: 'values.sync.toHost.ingress',
        rule: 'vcluster-schema',
      }),
    ]);
    expect(
      validateVClusterValues({
        sync: { toHost: { ingresses: { enabled: 'yes' } } },
      })[0].field,
    ).toBe('values.sync.toHost.ingresses.enabled');
  });
});
