import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { choosePlacement } from './choosePlacement';
import { signInAsGuest } from './signInAsGuest';

const repoRoot = resolve(__dirname, '../../..');

test('a namespace requested on the Flux cluster renders Flux, not Argo CD, and after the merge its page shows its Flux Kustomization', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const part = `e2e${Date.now().toString(36)}`;
  const namespace = `payments-${part}-qa`;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: resolve(repoRoot, '.local/gitops-repo'),
      encoding: 'utf8',
    });

  await signInAsGuest(page);
  await page.goto('/create/templates/default/new-namespace');
  const form = page.getByRole('article');
  // qa runs on the Flux cluster only: it is chosen.
  await choosePlacement(page, form, 'qa', 'nonprod-eu-2');
  await form.getByRole('textbox', { name: 'Name part (optional)' }).fill(part);
  await expect(form.getByText(`${namespace} is available`)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await form.getByRole('button', { name: /Quota/ }).click();
  await page.getByRole('option', { name: 'S', exact: true }).click();
  await form
    .getByRole('textbox', { name: 'Purpose' })
    .fill('End-to-end test of a Flux request');
  await page.getByRole('button', { name: 'Next' }).click();
  // The tenant's own repository, which the policy allows for payments.
  await form
    .getByRole('textbox', { name: 'Repository URL' })
    .fill('https://github.com/acme/payments-deploy');
  await form.getByRole('textbox', { name: 'Folder' }).fill('apps/qa');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(`asks for namespace ${namespace}`)).toBeVisible({
    timeout: 60_000,
  });
  const text = await page
    .getByText(/Request #\d+/)
    .first()
    .textContent();
  const number = /Request #(\d+)/.exec(text ?? '')![1];

  // The request changes the namespace's folder only: payments' qa
  // Kustomization exists on main, and nothing Argo CD-specific is written
  // (no AppProject destination). The delivery is in the folder.
  const branch = `tenancy/payments/${namespace}`;
  const folder = `tenants/payments/qa/${namespace}`;
  const changed = git('diff', '--name-only', `main...${branch}`)
    .trim()
    .split('\n');
  expect(changed.length).toBeGreaterThan(0);
  for (const path of changed) expect(path.startsWith(`${folder}/`)).toBe(true);
  expect(changed).toContain(`${folder}/namespace.yaml`);
  expect(changed).toContain(`${folder}/kustomization.yaml`);
  const delivery = git('show', `${branch}:${folder}/flux-delivery.yaml`);
  expect(delivery).toContain('url: https://github.com/acme/payments-deploy');
  expect(delivery).toMatch(
    /kind: Kustomization[\s\S]*targetNamespace: payments-e2e[\s\S]*serviceAccountName: tenancy-reconciler/,
  );
  expect(
    git('show', `main:bootstrap/flux/nonprod-eu-2/tenants/payments-qa.yaml`),
  ).toMatch(/path: \.\/tenants\/payments\/qa\n[\s\S]*prune: true/);
  // The pull request says which engine reconciles the folder.
  const body = git('log', '-1', '--format=%B', branch);
  expect(body).toMatch(/Reconciled by \*\*Flux\*\*/);
  expect(body).toContain("The tenant's own delivery (`flux-delivery.yaml`)");

  execFileSync('yarn', ['gitops:merge', number], {
    cwd: repoRoot,
    encoding: 'utf8',
  });

  // Its page: the Flux Kustomization of payments' qa folders and the
  // tenant's own delivery in the namespace (once a refresh after the merge
  // listed it), engine and state visible, linked to the namespace's
  // Kubernetes tab.
  const table = page.getByRole('table', {
    name: 'Flux objects deploying into these namespaces',
  });
  const tenantApps = table.getByRole('row').filter({ hasText: 'tenant-apps' });
  await expect(async () => {
    await page.goto(`/catalog/default/resource/${namespace}`);
    await expect(tenantApps).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000 });
  await expect(tenantApps).toContainText(
    `Flux Kustomization · nonprod-eu-2 · ${namespace}`,
  );
  await expect(tenantApps).toContainText('Ready');
  const row = table.getByRole('row').filter({ hasText: 'tenancy-payments-qa' });
  await expect(row).toContainText('Flux Kustomization · nonprod-eu-2');
  await expect(row).toContainText('Ready');
  // The delivery lives in the namespace: linked to its Kubernetes tab.
  await expect(
    tenantApps.getByRole('link', { name: 'tenant-apps' }),
  ).toHaveAttribute(
    'href',
    `/catalog/default/resource/${namespace}/kubernetes`,
  );
  await expect(
    page.getByRole('table', {
      name: 'Argo CD applications in these namespaces',
    }),
  ).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('flux-namespace.png'),
    fullPage: true,
  });

  // The tenant page shows both engines; the fleet counts them.
  await page.goto('/catalog/default/tenant/payments');
  await expect(
    page.getByText('Argo CD applications and Flux objects'),
  ).toBeVisible({ timeout: 30_000 });
  await page.screenshot({
    path: testInfo.outputPath('flux-tenant.png'),
    fullPage: true,
  });
  await page.goto('/tenancy');
  await expect(
    page.getByRole('columnheader', { name: 'Not ready (Argo CD, Flux)' }),
  ).toBeVisible({ timeout: 30_000 });
});
