import { formatQuantity, parseQuantity } from './quantity';

describe('formatQuantity', () => {
  it.each([
    ['requests.cpu', 2, '2'],
    ['limits.cpu', 1.5, '1500m'],
    ['requests.memory', 48 * 2 ** 30, '48Gi'],
    ['requests.memory', 700 * 2 ** 20, '700Mi'],
    ['requests.storage', 100 * 2 ** 30, '100Gi'],
    ['pods', 29.6, '30'],
  ])('writes %s %p as %s', (resource, value, text) => {
    expect(formatQuantity(resource, value)).toBe(text);
    expect(parseQuantity(text)!.value).toBeCloseTo(Math.round(value), -1);
  });
});
