import { listNames } from './listNames';

describe('listNames', () => {
  it('lists up to the maximum and counts the rest', () => {
    expect(listNames(['a', 'b'], 2)).toBe('a, b');
    expect(listNames(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
    expect(listNames(Array.from({ length: 11 }, (_, i) => `ns-${i}`))).toBe(
      'ns-0, ns-1, ns-2, ns-3, ns-4, ns-5, ns-6, ns-7, ns-8, ns-9 and 1 more',
    );
  });
});
