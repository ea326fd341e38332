import { summarizeQuota, sumQuota } from './summarizeQuota';

describe('summarizeQuota', () => {
  it('takes the tightest of several quotas per resource', () => {
    const usage = summarizeQuota({
      quotas: [
        {
          name: 'a',
          hard: { 'requests.cpu': '4', pods: '10' },
          used: { 'requests.cpu': '1', pods: '9' },
          spec: {},
        },
        {
          name: 'b',
          hard: { 'requests.cpu': '2' },
          used: { 'requests.cpu': '1500m' },
          spec: {},
        },
      ],
      limitRanges: [],
    });
    expect(usage.map(u => [u.resource, u.hard, u.used, u.utilisation])).toEqual(
      [
        ['pods', '10', '9', 0.9],
        ['requests.cpu', '2', '1500m', 0.75],
      ],
    );
  });

  it('has no utilisation where the hard limit is zero', () => {
    const [lb] = summarizeQuota({
      quotas: [
        {
          name: 'a',
          hard: { 'services.loadbalancers': '0' },
          used: {},
          spec: {},
        },
      ],
      limitRanges: [],
    });
    expect(lb.utilisation).toBeUndefined();
    expect(lb.used).toBe('0');
  });
});

describe('sumQuota', () => {
  it('adds namespaces up and writes the sums readably', () => {
    const one = summarizeQuota({
      quotas: [
        {
          name: 'a',
          hard: { 'requests.cpu': '2', 'requests.memory': '4Gi' },
          used: { 'requests.cpu': '500m', 'requests.memory': '1Gi' },
          spec: {},
        },
      ],
      limitRanges: [],
    });
    const two = summarizeQuota({
      quotas: [
        {
          name: 'a',
          hard: { 'requests.cpu': '1', 'requests.memory': '2Gi' },
          used: { 'requests.cpu': '250m', 'requests.memory': '512Mi' },
          spec: {},
        },
      ],
      limitRanges: [],
    });
    expect(
      sumQuota([one, two]).map(u => [
        u.resource,
        u.hard,
        u.used,
        u.utilisation,
      ]),
    ).toEqual([
      ['requests.cpu', '3', '750m', 0.25],
      ['requests.memory', '6Gi', '1536Mi', 0.25],
    ]);
  });
});
