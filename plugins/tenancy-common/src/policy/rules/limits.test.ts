import { limitsCases } from '../__testUtils__/cases/limits';
import { itRejects } from '../__testUtils__/namespaceRequest';

describe('limits rules', () => {
  itRejects(limitsCases);
});
