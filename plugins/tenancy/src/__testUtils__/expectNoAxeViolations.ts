import { axe } from 'jest-axe';

/**
 * Runs axe on a rendered view. `nested-interactive` is off: Backstage's own
 * Table (material-table) renders a focusable sort label inside its header
 * button, which we cannot change from here.
 */
export async function expectNoAxeViolations(container: Element) {
  expect(
    await axe(container, {
      rules: { 'nested-interactive': { enabled: false } },
    }),
  ).toHaveNoViolations();
}
