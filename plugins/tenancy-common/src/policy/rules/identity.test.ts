import { identityCases } from '../__testUtils__/cases/identity';
import { itRejects } from '../__testUtils__/namespaceRequest';

describe('identity rules', () => {
  itRejects(identityCases);
});
