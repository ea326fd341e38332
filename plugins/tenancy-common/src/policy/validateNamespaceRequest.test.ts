import { freeTextCases } from './__testUtils__/cases/freeText';
import { identityCases } from './__testUtils__/cases/identity';
import { labelsCases } from './__testUtils__/cases/labels';
import { limitsCases } from './__testUtils__/cases/limits';
import { namesCases } from './__testUtils__/cases/names';
import { placementCases } from './__testUtils__/cases/placement';
import { quantitiesCases } from './__testUtils__/cases/quantities';
import { context, valid } from './__testUtils__/namespaceRequest';
import { validateNamespaceRequest } from './validateNamespaceRequest';

// Each rule's bad inputs run in its test next to the rule, rules/*.test.ts.
describe('validateNamespaceRequest', () => {
  it('accepts a valid request', () => {
    expect(validateNamespaceRequest(valid(), context())).toEqual([]);
  });

  it('accepts a request without name part, labels or purpose', () => {
    const input = valid();
    delete input.name;
    delete input.labels;
    delete input.purpose;
    expect(validateNamespaceRequest(input, context())).toEqual([]);
  });

  it('refuses a quota without container defaults (Kubernetes would reject every pod that declares none)', () => {
    const input = valid();
    delete input.limits;
    expect(
      validateNamespaceRequest(input, context()).map(
        p => `${p.field} ${p.rule}`,
      ),
    ).toEqual([
      'limits.defaultRequest.cpu required',
      'limits.default.cpu required',
      'limits.defaultRequest.memory required',
      'limits.default.memory required',
    ]);
  });

  it('has at least 40 bad inputs', () => {
    const cases = [
      ...namesCases,
      ...placementCases,
      ...quantitiesCases,
      ...limitsCases,
      ...labelsCases,
      ...identityCases,
      ...freeTextCases,
    ];
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});
