import { tenantBudgetRule } from './budget';

describe('tenantBudgetRule', () => {
  const budget = { 'requests.cpu': '10', 'requests.memory': '16Gi' };
  const used: Array<Record<string, string>> = [
    { 'requests.cpu': '4', 'requests.memory': '8Gi', pods: '30' },
    { 'requests.cpu': '2500m', 'requests.memory': '2Gi' },
  ];

  it('adds the request to what the other namespaces use, per budgeted resource', () => {
    const { lines, problems } = tenantBudgetRule({
      tenant: 'payments',
      budget,
      used,
      requested: { 'requests.cpu': '2', 'requests.memory': '4Gi', pods: '99' },
    });
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      {
        resource: 'requests.cpu',
        budget: '10',
        used: '6500m',
        requested: '2',
        remaining: '1500m',
      },
      {
        resource: 'requests.memory',
        budget: '16Gi',
        used: '10Gi',
        requested: '4Gi',
        remaining: '2Gi',
      },
    ]);
  });

  it('refuses a request past the budget, naming the resource, the sum and the budget', () => {
    const { lines, problems } = tenantBudgetRule({
      tenant: 'payments',
      budget,
      used,
      requested: { 'requests.cpu': '4', 'requests.memory': '1Gi' },
    });
    expect(problems).toEqual([
      {
        field: 'quota.requests.cpu',
        rule: 'tenant-budget',
        message:
          'quota.requests.cpu "4" goes past the budget of tenant payments: its other namespaces and open requests use 6500m, with this request 10500m of 10',
      },
    ]);
    expect(lines[0].remaining).toBe('-500m');
  });

  it('says nothing for a tenant without a budget', () => {
    expect(
      tenantBudgetRule({
        tenant: 'payments',
        budget: undefined,
        used,
        requested: { 'requests.cpu': '99' },
      }),
    ).toEqual({ lines: [], problems: [] });
  });
});
