import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

const repoRoot = resolve(__dirname, '../../..');

test('the new-namespace wizard opens a request; after the merge command the catalog shows the namespace', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // A fresh name each run, so the test can run against a long-lived repository too.
  const part = `e2e${Date.now().toString(36)}`;
  const namespace = `payments-${part}-dev`;

  await signInAsGuest(page);
  await page.goto('/create');
  await expect(
    page.getByRole('heading', { name: 'New namespace' }),
  ).toBeVisible();
  await page.goto('/create/templates/default/new-namespace');

  const form = page.getByRole('article');
  // The tenancy fields: the user's tenants, the policy's environments and
  // clusters, the name checked as it is typed, sizes against the ceiling.
  await form.getByRole('button', { name: /Tenant/ }).click();
  await page.getByRole('option', { name: 'Payments' }).click();
  await form.getByRole('button', { name: /Environment/ }).click();
  await page.getByRole('option', { name: 'dev', exact: true }).click();
  // dev allows one cluster: it is chosen.
  await expect(form.getByRole('button', { name: /Cluster/ })).toContainText(
    'nonprod-eu-1',
  );
  const name = form.getByRole('textbox', { name: 'Name part (optional)' });
  await name.fill('Bad_Name');
  await expect(form.getByText(/must/).first()).toBeVisible();
  // Without a name part: payments-dev, which exists.
  await name.fill('');
  await expect(form.getByText(/payments-dev exists/)).toBeVisible();
  await name.fill(part);
  await expect(form.getByText(`${namespace} is available`)).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('wizard-where.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Next' }).click();

  await form.getByRole('button', { name: /Quota/ }).click();
  await page.getByRole('option', { name: 'S', exact: true }).click();
  await expect(
    form.getByRole('table', { name: 'Quota against the environment ceiling' }),
  ).toContainText('requests.cpu18');
  await form
    .getByRole('textbox', { name: 'Purpose' })
    .fill('End-to-end test of the wizard');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.screenshot({
    path: testInfo.outputPath('wizard-review.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText(`asks for namespace ${namespace}`)).toBeVisible({
    timeout: 60_000,
  });
  const text = await page
    .getByText(/Request #\d+/)
    .first()
    .textContent();
  const number = /Request #(\d+)/.exec(text ?? '')![1];
  await page.screenshot({
    path: testInfo.outputPath('wizard-done.png'),
    fullPage: true,
  });

  // The branch holds the rendered bundle; main does not, yet.
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: resolve(repoRoot, '.local/gitops-repo'),
      encoding: 'utf8',
    });
  expect(
    git(
      'ls-tree',
      '--name-only',
      `tenancy/payments/${namespace}`,
      `tenants/payments/dev/${namespace}/`,
    ),
  ).toContain('resourcequota.yaml');

  // The tenant page lists the open request with its link.
  await page.goto('/catalog/default/tenant/payments');
  const requests = page.getByRole('list', { name: 'Provisioning requests' });
  const item = requests.getByRole('listitem').filter({
    hasText: `#${number} `,
  });
  await expect(item).toContainText('open');
  await expect(item).toContainText(namespace);

  // The documented merge command, then the catalog picks the namespace up.
  execFileSync('yarn', ['gitops:merge', number], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  await expect(async () => {
    await page.goto(`/catalog/default/resource/${namespace}`);
    // The entity's description is the request's purpose.
    await expect(page.getByText('End-to-end test of the wizard')).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole('heading', { name: namespace })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('merged-namespace.png'),
    fullPage: true,
  });
});
