import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { choosePlacement } from './choosePlacement';
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
  // dev allows one cluster: it is chosen.
  await choosePlacement(page, form, 'dev', 'nonprod-eu-1');
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
  // The Delivery step is for Flux clusters; dev runs on Argo CD: skipped.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByRole('textbox', { name: 'Repository URL' }),
  ).toBeVisible();
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

  // The guest (the requester, and a member of the owning team) is told:
  // opened, merged, and the namespace ready in its cluster.
  await expect(async () => {
    await page.goto('/notifications');
    // Only this request's: the page shows five at a time, and the first
    // refresh's quota warnings may be newer.
    await page.getByPlaceholder('Filter').fill(namespace);
    for (const title of [
      `Request opened: New namespace ${namespace}`,
      `Request merged: New namespace ${namespace}`,
      `${namespace} is ready`,
    ]) {
      await expect(page.getByRole('link', { name: title })).toBeVisible({
        timeout: 3_000,
      });
    }
  }).toPass({ timeout: 120_000 });
  await page
    .getByRole('link', { name: `${namespace} is ready` })
    .first()
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/resource/${namespace}$`),
  );
  // The fleet page's provisioning card shows the request's lead times.
  await page.goto('/tenancy');
  await expect(
    page
      .getByText(
        new RegExp(
          `#${number} New namespace ${namespace}.*: merged after .+, ready after .+`,
        ),
      )
      .last(),
  ).toBeVisible({ timeout: 30_000 });
  await page.screenshot({
    path: testInfo.outputPath('fleet-provisioning.png'),
    fullPage: true,
  });

  // What was merged: a LimitRange with container defaults (size S), so the
  // quota admits pods that declare no requests or limits.
  const folder = `tenants/payments/dev/${namespace}`;
  const limitRange = git('show', `main:${folder}/limitrange.yaml`);
  expect(limitRange).toMatch(/defaultRequest:\s+cpu: 100m\s+memory: 128Mi/);
  expect(limitRange).toMatch(/default:\s+cpu: 500m\s+memory: 512Mi/);
  const namespaceFile = git('show', `main:${folder}/namespace.yaml`);

  // change-quota to M changes the quota and the size's LimitRange, and
  // nothing else: the Namespace (its labels) stays as merged.
  await page.goto('/create/templates/default/change-quota');
  const changeForm = page.getByRole('article');
  const picker = changeForm.getByRole('textbox', { name: 'Namespace' });
  await picker.click();
  await picker.fill(namespace);
  await page.getByRole('option', { name: new RegExp(namespace) }).click();
  await changeForm.getByRole('button', { name: /Quota size/ }).click();
  await page.getByRole('option', { name: 'M', exact: true }).click();
  await changeForm
    .getByRole('textbox', { name: 'Reason' })
    .fill('More room for the e2e test');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/rewrites:/)).toBeVisible({ timeout: 60_000 });
  await page.screenshot({
    path: testInfo.outputPath('change-quota-done.png'),
    fullPage: true,
  });
  const branch = `tenancy/payments/${namespace}-update`;
  expect(
    git('diff', '--name-only', `main...${branch}`).trim().split('\n').sort(),
  ).toEqual([`${folder}/limitrange.yaml`, `${folder}/resourcequota.yaml`]);
  expect(git('show', `${branch}:${folder}/namespace.yaml`)).toBe(namespaceFile);
  expect(git('show', `${branch}:${folder}/resourcequota.yaml`)).toMatch(
    /requests\.cpu: "4"/,
  );
  expect(git('show', `${branch}:${folder}/limitrange.yaml`)).toMatch(
    /default:\s+cpu: "1"\s+memory: 1Gi/,
  );
});
