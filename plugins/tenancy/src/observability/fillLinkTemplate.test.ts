import { fillLinkTemplate } from './fillLinkTemplate';

const all = {
  tenant: 'payments',
  namespace: 'payments-dev',
  cluster: 'nonprod-eu-1',
  environment: 'dev',
};

describe('fillLinkTemplate', () => {
  it('fills each placeholder, as often as it occurs', () => {
    expect(
      fillLinkTemplate(
        'https://grafana.example.com/d/{tenant}/ns?c={cluster}&n={namespace}&e={environment}&t={tenant}',
        all,
      ),
    ).toBe(
      'https://grafana.example.com/d/payments/ns?c=nonprod-eu-1&n=payments-dev&e=dev&t=payments',
    );
  });

  it('percent-encodes a value, in the path and in the query', () => {
    expect(
      fillLinkTemplate('https://logs.example.com/{tenant}/x?q={tenant}', {
        tenant: 'a b/c&d=e?#',
      }),
    ).toBe(
      'https://logs.example.com/a%20b%2Fc%26d%3De%3F%23/x?q=a%20b%2Fc%26d%3De%3F%23',
    );
    // Inside a query that is itself encoded (a LogQL selector), the value
    // decodes to the label value.
    const url = fillLinkTemplate(
      'https://logs.example.com/explore?query=%7Btenant%3D%22{tenant}%22%7D',
      { tenant: 'pay"ments' },
    )!;
    expect(new URL(url).searchParams.get('query')).toBe('{tenant="pay"ments"}');
  });

  it('yields nothing when a placeholder has no value', () => {
    const template =
      'https://grafana.example.com/d/ns?n={namespace}&c={cluster}';
    expect(fillLinkTemplate(template, { namespace: 'payments-dev' })).toBe(
      undefined,
    );
    expect(
      fillLinkTemplate(template, { namespace: 'payments-dev', cluster: ' ' }),
    ).toBe(undefined);
    expect(
      fillLinkTemplate(template, {
        namespace: 'payments-dev',
        cluster: 'nonprod-eu-1',
      }),
    ).toBe('https://grafana.example.com/d/ns?n=payments-dev&c=nonprod-eu-1');
  });

  it('leaves braces that are not a placeholder alone', () => {
    expect(
      fillLinkTemplate(
        'https://logs.example.com/?q={app="api"}&t={tenant}',
        all,
      ),
    ).toBe('https://logs.example.com/?q={app="api"}&t=payments');
  });
});
