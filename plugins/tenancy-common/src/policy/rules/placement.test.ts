import { placementCases } from '../__testUtils__/cases/placement';
import { itRejects } from '../__testUtils__/namespaceRequest';

describe('placement rules', () => {
  itRejects(placementCases);
});
