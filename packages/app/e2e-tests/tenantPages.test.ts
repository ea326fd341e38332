import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';
import {
  simulatedApplications,
  simulatedCost,
  simulatedQuota,
} from './simulators';

const money = (text: string | null) =>
  Number((text ?? '').replace(/[^0-9.]/g, ''));

test('the tenant page shows quota, cost and sync state that match the simulators', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await signInAsGuest(page);
  const pods = await simulatedQuota(
    request,
    'nonprod-eu-1',
    'payments-api-dev',
    'pods',
  );
  const apps = await simulatedApplications(request, 'payments-api-dev');
  expect(apps.length).toBeGreaterThan(0);

  // Right after start the backend may still be on its first refresh.
  await expect(async () => {
    await page.goto('/catalog/default/tenant/payments');
    await expect(
      page.getByTestId('namespace-payments-api-dev').getByTestId('quota-pods'),
    ).toContainText(`${pods.used} / ${pods.hard}`, { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });

  const row = page.getByTestId('namespace-payments-api-dev');
  for (const app of apps) {
    const link = row.getByTitle(`Open ${app.name} in Argo CD`);
    await expect(link).toBeVisible();
    await expect(link.locator('xpath=..')).toContainText(app.sync);
  }
  await expect(page.getByText('Quota of all namespaces')).toBeVisible();
  await expect(page.getByText('Total, last 7d')).toBeVisible();
  await expect(page.getByText('Cost per namespace')).toBeVisible();
  await row
    .getByRole('button', {
      name: 'Show LimitRange defaults of payments-api-dev',
    })
    .click();
  await expect(
    page.getByRole('table', {
      name: 'LimitRange defaults of payments-api-dev',
    }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('tenant-page.png'),
    fullPage: true,
  });

  // The namespace page: its cost against OpenCost, for two windows.
  await row
    .getByRole('link', { name: 'payments-api-dev', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { name: 'payments-api-dev' }),
  ).toBeVisible();
  const total = page.getByTestId('cost-total');
  for (const [window, days] of [
    ['7d', 7],
    ['30d', 30],
  ] as const) {
    await page.getByRole('button', { name: window, exact: true }).click();
    await expect(page.getByText(`Total, last ${window}`)).toBeVisible();
    const expected = await simulatedCost(
      request,
      'opencost-nonprod',
      'payments-api-dev',
      days,
    );
    // The backend refreshes every 30 s while OpenCost's rolling window moves on.
    expect(Math.abs(money(await total.textContent()) - expected)).toBeLessThan(
      expected * 0.01 + 0.01,
    );
  }
  await expect(page.getByTestId('quota-pods')).toContainText(
    `${pods.used} / ${pods.hard}`,
  );
  await page.screenshot({
    path: testInfo.outputPath('namespace-page.png'),
    fullPage: true,
  });
});

test('the fleet page lists every tenant and downloads the chargeback CSV', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Tenants' })
    .click();
  await expect(page.getByText('Tenants (4)')).toBeVisible();
  const payments = page.getByRole('row', { name: /Payments/ });
  await expect(payments).toContainText('CC-1001');
  // Payments may have grown by the provisioning test's merge: count the
  // namespaces of a tenant it leaves alone.
  await expect(page.getByRole('row', { name: /Data platform/ })).toContainText(
    '3 + 1 vCluster',
  );
  const tableCost = money(
    await payments.getByRole('cell').nth(5).textContent(),
  );
  expect(tableCost).toBeGreaterThan(0);

  await page.getByRole('button', { name: '30d', exact: true }).click();
  await expect(
    page.getByRole('columnheader', { name: 'Cost (30d)' }).first(),
  ).toBeVisible();
  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(
    /^chargeback-30d-\d{4}-\d\d-\d\d\.csv$/,
  );
  const lines = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'cost_center,tenant,owner,window,currency,cost,generated_at',
  );
  expect(lines).toHaveLength(5);
  const paymentsLine = lines.find(l => l.includes('tenant:default/payments'))!;
  expect(paymentsLine).toMatch(/^CC-1001,.*,30d,USD,\d+\.\d\d,/);
  const csvCost = Number(paymentsLine.split(',')[5]);
  const table30d = money(
    await page
      .getByRole('row', { name: /Payments/ })
      .getByRole('cell')
      .nth(5)
      .textContent(),
  );
  expect(csvCost).toBeCloseTo(table30d, 2);
  expect(csvCost).toBeGreaterThan(tableCost);
  await page.screenshot({
    path: testInfo.outputPath('fleet-page.png'),
    fullPage: true,
  });
});
