import { test, expect, Page } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('the catalog lists the example tenants and opens a tenant page', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);

  await page.goto('/?filters[kind]=tenant&filters[user]=all');
  const tenantLink = page
    .getByRole('link', { name: 'Payments', exact: true })
    .first();
  await expect(tenantLink).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Checkout', exact: true }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('catalog-tenants.png'),
    fullPage: true,
  });

  await tenantLink.click();
  await expect(page.getByText('Cost Center')).toBeVisible();
  await expect(page.getByText('CC-1001')).toBeVisible();
  await expect(page.getByText('payments-developers')).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('tenant-page.png'),
    fullPage: true,
  });
});

test('the fleet page lists every tenant with its namespace count', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Tenants' })
    .click();
  await expect(page.getByText('Tenants (2)')).toBeVisible();
  const payments = page.getByRole('row', { name: /Payments/ });
  await expect(payments).toContainText('CC-1001');
  await expect(payments).toContainText('dev, staging, prod');
  await expect(
    payments.getByRole('cell', { name: '2', exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('fleet-page.png'),
    fullPage: true,
  });
});
