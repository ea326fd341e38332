import { labelsCases } from '../__testUtils__/cases/labels';
import { itRejects } from '../__testUtils__/namespaceRequest';

describe('labels rules', () => {
  itRejects(labelsCases);
});
