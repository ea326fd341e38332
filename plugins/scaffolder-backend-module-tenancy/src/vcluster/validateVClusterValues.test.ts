import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateVClusterValues } from './validateVClusterValues';

describe('validateVClusterValues', () => {
  it('uses the contract schema, byte for byte', () => {
    expect(
      readFileSync(resolve(__dirname, 'vclusterValues-0.36.1.schema.json')),
    ).toEqual(
      readFileSync(
        resolve(__dirname, '../../../../contracts/vcluster/values.schema.json'),
      ),
    );
  });

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
