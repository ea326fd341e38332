import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, APIRequestContext } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

const repoRoot = resolve(__dirname, '../../..');
const gitopsRepo = resolve(repoRoot, '.local/gitops-repo');
/** The backend itself: the app's dev server on :3000 does not proxy /api. */
const BACKEND = 'http://localhost:7007';

const refusal =
  'user:default/guest may not request for tenant checkout: user:default/guest is not a member of group:default/team-checkout, which owns tenant checkout, nor a platform admin (the tenancy.provision.admin permission was denied)';

/** What the local GitOps repository holds for tenant checkout: branches, request records, folders. */
function checkoutState() {
  const branches = execFileSync(
    'git',
    ['branch', '--list', 'tenancy/checkout/*'],
    { cwd: gitopsRepo, encoding: 'utf8' },
  ).trim();
  const recordsFile = resolve(gitopsRepo, '.git/tenancy/requests.json');
  const records = existsSync(recordsFile)
    ? (JSON.parse(readFileSync(recordsFile, 'utf8')) as { branch: string }[])
    : [];
  return {
    branches,
    requests: records.filter(r => r.branch.startsWith('tenancy/checkout/')),
  };
}

async function guestToken(request: APIRequestContext) {
  const response = await request.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token as string;
}

test("the guest, a member of team-payments and team-data, may not request for team-checkout's tenant: refused through the API and in the wizard, and nothing is written", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const part = `perm${Date.now().toString(36)}`;
  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  await expect
    .poll(() => existsSync(resolve(gitopsRepo, '.git')), { timeout: 30_000 })
    .toBe(true);
  // The catalog has read the template and the tenants (shortly after start-up).
  for (const entity of [
    'template/default/new-namespace',
    'tenant/default/checkout',
  ]) {
    await expect
      .poll(
        async () =>
          (
            await request.get(
              `${BACKEND}/api/catalog/entities/by-name/${entity}`,
              { headers },
            )
          ).status(),
        { timeout: 60_000 },
      )
      .toBe(200);
  }
  const before = checkoutState();

  // Through the API: the scaffolder runs the template, the action refuses.
  const created = await request.post(`${BACKEND}/api/scaffolder/v2/tasks`, {
    headers,
    data: {
      templateRef: 'template:default/new-namespace',
      values: {
        tenant: 'tenant:default/checkout',
        placement: { environment: 'dev', cluster: 'nonprod-eu-1' },
        name: part,
        quota: { size: 'S' },
        purpose: 'A request the guest may not make',
      },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  await expect
    .poll(
      async () =>
        (
          await (
            await request.get(`${BACKEND}/api/scaffolder/v2/tasks/${id}`, {
              headers,
            })
          ).json()
        ).status,
      { timeout: 60_000 },
    )
    .toBe('failed');
  const events = await (
    await request.get(`${BACKEND}/api/scaffolder/v2/tasks/${id}/events`, {
      headers,
    })
  ).json();
  expect(
    events.map((e: { body?: { message?: string } }) => e.body?.message ?? ''),
  ).toContainEqual(expect.stringContaining(refusal));
  expect(checkoutState()).toEqual(before);
  expect(
    existsSync(
      resolve(gitopsRepo, `tenants/checkout/dev/checkout-${part}-dev`),
    ),
  ).toBe(false);

  // The permission is denied to the guest, and registered by the tenancy plugin.
  const decision = await request.post(`${BACKEND}/api/permission/authorize`, {
    headers,
    data: {
      items: [
        {
          id: 'admin',
          permission: {
            type: 'basic',
            name: 'tenancy.provision.admin',
            attributes: { action: 'create' },
          },
        },
      ],
    },
  });
  expect((await decision.json()).items[0].result).toBe('DENY');

  // In the wizard: the picker offers the guest's own tenants only ...
  await signInAsGuest(page);
  await page.goto('/create/templates/default/new-namespace');
  const form = page.getByRole('article');
  await form.getByRole('button', { name: /Tenant/ }).click();
  await expect(page.getByRole('option')).toHaveText([
    'Data platform',
    'Payments',
  ]);
  await page.keyboard.press('Escape');

  // ... and a link with another team's tenant is refused before submission.
  await page.goto(
    `/create/templates/default/new-namespace?formData=${encodeURIComponent(
      JSON.stringify({
        tenant: 'tenant:default/checkout',
        placement: { environment: 'dev', cluster: 'nonprod-eu-1' },
        name: part,
      }),
    )}`,
  );
  const wizardRefusal =
    "You may not request for tenant checkout: it is owned by group:default/team-checkout, which you are not a member of, and requests for other teams' tenants need the tenancy.provision.admin permission";
  await expect(
    page.getByRole('article').getByText(wizardRefusal),
  ).toBeVisible();
  await expect(form.getByRole('button', { name: /Tenant/ })).toHaveText(
    'Checkout',
  );
  await page.getByRole('button', { name: 'Next' }).click();
  // Validation ends (Next is enabled again) and the step is not left: the
  // Size step's quota field never appears.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  await expect(
    page.getByRole('article').getByText(wizardRefusal).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('article').getByRole('button', { name: /Quota/ }),
  ).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('wizard-refusal.png'),
    fullPage: true,
  });
  expect(checkoutState()).toEqual(before);
});
