import { SharedAnswers, toJson } from './SharedAnswers';

describe('SharedAnswers', () => {
  it('reuses an answer while its snapshots are current and it is young', async () => {
    const shared = new SharedAnswers(60_000);
    const data = {};
    const compute = jest.fn(async () => ({ n: 1 }));
    const first = await shared.get('k', [data], compute);
    const second = await shared.get('k', [data], compute);
    expect(second).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    await shared.get('k', [{}], compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('recomputes an answer older than its maximum age', async () => {
    const shared = new SharedAnswers(0);
    const compute = jest.fn(async () => ({}));
    await shared.get('k', [], compute);
    await new Promise(r => setTimeout(r, 2));
    await shared.get('k', [], compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});

describe('toJson', () => {
  it('writes the JSON of an answer once', () => {
    const value = { a: 1 };
    expect(toJson(value)).toBe('{"a":1}');
    value.a = 2;
    expect(toJson(value)).toBe('{"a":1}');
    expect(toJson({ a: 2 })).toBe('{"a":2}');
  });
});
