import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('the catalog lists the tenants of the GitOps repository and opens a tenant page', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);

  // Right after start-up the catalog may still be ingesting the GitOps repository:
  // reload until every tenant is listed.
  await expect(async () => {
    await page.goto('/?filters[kind]=tenant&filters[user]=all');
    await expect(page.getByText('All Tenants (4)')).toBeVisible({
      timeout: 5_000,
    });
    for (const name of ['Checkout', 'Data platform', 'Payments', 'Search']) {
      await expect(
        page.getByRole('link', { name, exact: true }).first(),
      ).toBeVisible({ timeout: 2_000 });
    }
  }).toPass({ timeout: 60_000 });
  await page.screenshot({
    path: testInfo.outputPath('catalog-tenants.png'),
    fullPage: true,
  });

  await page
    .getByRole('link', { name: 'Payments', exact: true })
    .first()
    .click();

  // Overview card
  await expect(page.getByText('Cost Center')).toBeVisible();
  await expect(page.getByText('CC-1001')).toBeVisible();
  await expect(page.getByText('payments-developers')).toBeVisible();

  // Namespaces by environment and cluster
  // Six in the seed; the provisioning test may have merged more.
  await expect(page.getByText(/^\d+ in total$/)).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'staging', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'prod-eu-1' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('tenant-page.png'),
    fullPage: true,
  });

  // Namespace page: part of the tenant, on its cluster
  await page
    .getByTestId('namespace-payments-api-prod')
    .getByRole('link', { name: 'payments-api-prod', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { name: 'payments-api-prod' }),
  ).toBeVisible();
  await expect(page.getByText('kubernetes-namespace').first()).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('namespace-page.png'),
    fullPage: true,
  });
});

test('a group page lists the tenants the group owns', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/team-data');
  await expect(page.getByText('Tenants (1)')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Data platform' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('group-page.png'),
    fullPage: true,
  });
});

test('search finds tenants', async ({ page }, testInfo) => {
  await signInAsGuest(page);
  // The search index is built shortly after start-up: retry until it has the tenants.
  await expect(async () => {
    await page.goto('/search?query=checkout');
    await expect(
      page.getByRole('link', { name: 'Checkout', exact: true }).first(),
    ).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 90_000 });
  await page.screenshot({
    path: testInfo.outputPath('search.png'),
    fullPage: true,
  });
});
