import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';
import { simulatedNamespaces, simulatedPolicyCounts } from './simulators';

test('the tenant page shows policy results and drift, and the fleet page filters by both', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  await signInAsGuest(page);
  // Payments' namespaces on the three simulated clusters: nonprod-eu-1 reports
  // through openreports.io, prod-eu-1 through wgpolicyk8s.io; nonprod-eu-2
  // is the Flux cluster (qa). Other tests' merged requests (payments-e2e…)
  // count too.
  let fail = 0;
  let pass = 0;
  for (const [cluster, namespaces] of [
    [
      'nonprod-eu-1',
      [
        'payments-dev',
        'payments-api-dev',
        'payments-staging',
        'payments-api-staging',
      ],
    ],
    ['prod-eu-1', ['payments-prod', 'payments-api-prod']],
    ['nonprod-eu-2', ['payments-qa', 'payments-api-qa']],
  ] as const) {
    const requested = (await simulatedNamespaces(request, cluster)).filter(n =>
      n.startsWith('payments-e2e'),
    );
    for (const namespace of [...namespaces, ...requested]) {
      const counts = await simulatedPolicyCounts(request, cluster, namespace);
      fail += counts.fail;
      pass += counts.pass;
    }
  }
  expect(fail).toBeGreaterThan(0);

  // The GitOps repository is read after the clusters: drift may come later.
  await expect(async () => {
    await page.goto('/catalog/default/tenant/payments');
    await expect(page.getByText(`${pass} pass · ${fail} fail`)).toBeVisible({
      timeout: 10_000,
    });
    await expect(
      page.getByRole('table', {
        name: 'Differences between Git and the cluster',
      }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });

  const findings = page.getByRole('table', {
    name: 'Policy findings, worst first',
  });
  await expect(findings.getByRole('row').nth(1)).toContainText('fail');
  await expect(
    findings.getByTitle(/Open the Kubernetes tab of/).first(),
  ).toBeVisible();

  // The embedded default's quota raised by hand on payments-prod.
  const drift = page.getByRole('table', {
    name: 'Differences between Git and the cluster',
  });
  const quotaRow = drift.getByRole('row').filter({ hasText: 'payments-prod' });
  await expect(quotaRow).toContainText('spec.hard.requests.cpu');
  await expect(quotaRow).toContainText('2');
  await expect(quotaRow).toContainText('4');
  // The orphan created by hand, with its two pull-request actions.
  const orphans = page.getByRole('table', {
    name: 'Namespaces in the cluster but not in Git',
  });
  await expect(orphans).toContainText('payments-sandbox-dev');
  const adopt = orphans.getByRole('link', {
    name: /^Adopt payments-sandbox-dev/,
  });
  const href = decodeURIComponent((await adopt.getAttribute('href')) ?? '');
  expect(href).toContain('/create/templates/default/adopt-namespace');
  expect(href).toContain(
    '{"cluster":"nonprod-eu-1","namespace":"payments-sandbox-dev","action":"adopt"}',
  );
  await page.screenshot({
    path: testInfo.outputPath('tenant-policy-and-drift.png'),
    fullPage: true,
  });

  // The fleet: only Payments has drift; policy failures narrow the rows.
  await page.goto('/tenancy');
  const table = page.getByRole('table').first();
  await expect(
    table.getByRole('link', { name: 'Search', exact: true }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await page.getByLabel('With drift').check();
  await expect(
    table.getByRole('link', { name: 'Payments', exact: true }),
  ).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'Search', exact: true }),
  ).toHaveCount(0);
  await expect(
    table.getByRole('link', { name: 'Checkout', exact: true }),
  ).toHaveCount(0);
  await page.getByLabel('With drift').uncheck();
  await page.getByLabel('With policy failures').check();
  await expect(
    table.getByRole('link', { name: 'Payments', exact: true }),
  ).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'Search', exact: true }),
  ).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('fleet-policy-failures.png'),
    fullPage: true,
  });
});
