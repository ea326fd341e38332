import { parseLabelSelector } from './parseLabelSelector';

const payments = { 'tenancy.io/tenant': 'payments', env: 'prod', tier: '3' };
const data = { 'tenancy.io/tenant': 'data', env: 'dev' };
const bare = {};

function matching(selector: string) {
  const matches = parseLabelSelector(selector);
  return Object.entries({ payments, data, bare })
    .filter(([, labels]) => matches(labels))
    .map(([name]) => name);
}

describe('parseLabelSelector', () => {
  it.each([
    ['tenancy.io/tenant=payments', ['payments']],
    ['tenancy.io/tenant == payments', ['payments']],
    ['tenancy.io/tenant!=payments', ['data', 'bare']],
    ['env in (prod, staging)', ['payments']],
    ['env notin (prod)', ['data', 'bare']],
    ['env', ['payments', 'data']],
    ['!env', ['bare']],
    ['tier>2', ['payments']],
    ['tier<2', []],
    ['tenancy.io/tenant in (payments,data), env!=dev', ['payments']],
    ['env=', []],
    ['constructor', []],
    ['', ['payments', 'data', 'bare']],
    ['  ', ['payments', 'data', 'bare']],
    ['tenancy.io/tenant notin (payments , data)', ['bare']],
    ['env in (prod,), !tier', []],
    ['env in (dev,), !tier', ['data']],
    ['!tenancy.io/unlisted', ['payments', 'data', 'bare']],
  ])('%s matches as Kubernetes does', (selector, expected) => {
    expect(matching(selector)).toEqual(expected);
  });

  it.each([
    ['env in prod', 'expected "(" after in'],
    ['env in (prod', 'expected ")" after in'],
    ['env in (prod staging)', 'expected "," or ")" in the values of env'],
    ['env=prod,', 'expected a requirement after the last ","'],
    ['env=prod team=a', 'expected "," between requirements, found team'],
    ['env>high', 'expected an integer after >'],
    ['-env=prod', '"-env" is not a label key'],
    ['Example.com/env=prod', '"Example.com/env" is not a label key'],
    ['env=a/b', '"a/b" is not a label value'],
    ['=prod', 'expected a label key, found ='],
    ['a=(b', '"(" is not a label value'],
    ['env notin ()x', 'expected "," between requirements, found x'],
    ['env ~ prod', 'expected =, ==, !=, in, notin, >, < or "," after "env"'],
  ])('refuses %s naming the rule', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});
