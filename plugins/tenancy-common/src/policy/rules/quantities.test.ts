import { quantitiesCases } from '../__testUtils__/cases/quantities';
import { itRejects } from '../__testUtils__/namespaceRequest';

describe('quantities rules', () => {
  itRejects(quantitiesCases);
});
