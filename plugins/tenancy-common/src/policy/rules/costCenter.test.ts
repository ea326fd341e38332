import {
  compileCostCenterPattern,
  costCenterPatternRule,
  costCenterRule,
} from './costCenter';

describe('cost center rules', () => {
  it('matches the configured pattern in full, not a part of it', () => {
    const policy = { costCenterPattern: 'CC-[0-9]{4}|FIN' };
    expect(costCenterPatternRule('CC-1234', policy)).toEqual([]);
    expect(costCenterPatternRule('FIN', policy)).toEqual([]);
    expect(costCenterPatternRule('CC-1234x', policy)).toEqual([
      expect.objectContaining({ field: 'costCenter', rule: 'pattern' }),
    ]);
    expect(costCenterPatternRule('xFIN', policy)).toHaveLength(1);
  });

  it('accepts any cost center when no pattern is configured', () => {
    expect(costCenterPatternRule('anything at all', {})).toEqual([]);
    expect(costCenterRule('Marketing.EU_2', {})).toEqual([]);
  });

  it('names the field it checks', () => {
    expect(
      costCenterPatternRule('x', { costCenterPattern: 'y' }, 'spec.costCenter'),
    ).toEqual([
      {
        field: 'spec.costCenter',
        rule: 'pattern',
        message:
          'spec.costCenter "x" does not match the configured pattern y (tenancy.tenants.costCenterPattern)',
      },
    ]);
    expect(costCenterRule(undefined, {})).toEqual([
      expect.objectContaining({ field: 'costCenter', rule: 'characters' }),
    ]);
  });

  it('refuses a pattern that is not a regular expression', () => {
    expect(() => compileCostCenterPattern('([')).toThrow(
      /tenancy.tenants.costCenterPattern is not a valid regular expression/,
    );
  });
});
