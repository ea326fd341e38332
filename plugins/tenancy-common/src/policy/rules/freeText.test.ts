import { freeTextCases } from '../__testUtils__/cases/freeText';
import { itRejects } from '../__testUtils__/namespaceRequest';

describe('freeText rules', () => {
  itRejects(freeTextCases);
});
