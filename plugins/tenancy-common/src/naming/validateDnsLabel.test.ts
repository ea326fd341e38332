import { validateDnsLabel } from './validateDnsLabel';

describe('validateDnsLabel', () => {
  it.each(['a', 'payments-dev', '0abc', 'a'.repeat(63)])(
    'accepts %s',
    value => {
      expect(validateDnsLabel(value, 'name')).toBeUndefined();
    },
  );

  it.each([
    ['', /name must not be empty/],
    ['a'.repeat(64), /64 characters long; a DNS-1123 label has at most 63/],
    ['Payments', /DNS-1123 label/],
    ['-payments', /DNS-1123 label/],
    ['payments-', /DNS-1123 label/],
    ['pay_ments', /DNS-1123 label/],
    ['pay.ments', /DNS-1123 label/],
    ['pay/../x', /DNS-1123 label/],
    ['a\nkey: value', /DNS-1123 label/],
  ])('rejects %j, naming the field and the rule', (value, message) => {
    expect(validateDnsLabel(value, 'name')).toMatch(message);
  });
});
