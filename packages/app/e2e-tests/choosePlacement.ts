import { expect, Locator, Page } from '@playwright/test';

/**
 * In the new-namespace wizard's first step: Payments as the tenant and the
 * environment, whose one allowed cluster the wizard must choose by itself.
 */
export async function choosePlacement(
  page: Page,
  form: Locator,
  environment: string,
  cluster: string,
) {
  await form.getByRole('button', { name: /Tenant/ }).click();
  await page.getByRole('option', { name: 'Payments' }).click();
  await form.getByRole('button', { name: /Environment/ }).click();
  await page.getByRole('option', { name: environment, exact: true }).click();
  await expect(form.getByRole('button', { name: /Cluster/ })).toContainText(
    cluster,
  );
}
