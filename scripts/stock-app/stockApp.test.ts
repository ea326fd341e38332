import { expect, test } from '@playwright/test';

// The checks of the stock app (scripts/stock-app.sh): an app made by @backstage/create-app
// with the packed plugins installed by their READMEs, against the upstream simulators.

const token = process.env.STOCK_APP_TOKEN;
const auth = { Authorization: `Bearer ${token}` };

const TENANCY_ACTIONS = [
  'tenancy:namespace:create',
  'tenancy:namespace:update',
  'tenancy:namespace:delete',
  'tenancy:vcluster:create',
  'tenancy:tenant:create',
  'tenancy:tenant:exception',
  'tenancy:namespace:adopt',
  'tenancy:vcluster:upgrade',
];

test.beforeAll(() => {
  if (!token) throw new Error('STOCK_APP_TOKEN is not set');
});

test('the tenancy API answers the fleet overview with the tenants of the GitOps repository', async ({
  request,
}) => {
  await expect(async () => {
    const response = await request.get('/api/tenancy/v1/tenants', {
      headers: auth,
    });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(
      body.items.map((row: { entityRef: string }) => row.entityRef),
    ).toContain('tenant:default/payments');
  }).toPass({ timeout: 90_000 });
});

test('the catalog accepts the Tenant kind from the GitOps repository', async ({
  request,
}) => {
  await expect(async () => {
    const response = await request.get(
      '/api/catalog/entities/by-name/tenant/default/payments',
      { headers: auth },
    );
    expect(response.status()).toBe(200);
    const entity = await response.json();
    expect(entity.apiVersion).toBe('tenancy.io/v1alpha1');
    expect(entity.spec.owner).toBe('group:default/team-payments');
  }).toPass({ timeout: 90_000 });
});

test('the scaffolder lists the eight tenancy actions', async ({ request }) => {
  const response = await request.get('/api/scaffolder/v2/actions', {
    headers: auth,
  });
  expect(response.status()).toBe(200);
  const ids = ((await response.json()) as { id: string }[]).map(a => a.id);
  expect(ids.filter(id => id.startsWith('tenancy:')).sort()).toEqual(
    [...TENANCY_ACTIONS].sort(),
  );
});

test('the fleet page and a tenant page with the tenancy cards load in the browser', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // The sidebar item of the plugin's page, discovered by the app (app.packages: all).
  await page.getByRole('link', { name: 'Tenants', exact: true }).click();
  await expect(page).toHaveURL(/\/tenancy$/);
  await expect(
    page.getByRole('link', { name: 'Payments', exact: true }).first(),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('fleet-page.png') });

  await page.goto('/catalog/default/tenant/payments');
  await expect(page.getByText('CC-1001')).toBeVisible();
  await expect(page.getByText('Quota of all namespaces')).toBeVisible();
  await expect(page.getByTestId('namespace-payments-api-dev')).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('tenant-page.png'),
    fullPage: true,
  });
  expect(errors).toEqual([]);
});
