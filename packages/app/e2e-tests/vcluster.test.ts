import { readFileSync } from 'node:fs';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { parse } from 'yaml';
import { signInAsGuest } from './signInAsGuest';
import { simulatedVCluster } from './simulators';

/** The backend itself: the app's dev server on :3000 does not proxy /api. */
const BACKEND = 'http://localhost:7007';
const CLUSTER = 'nonprod-eu-1';
/** team-data's, of which the guest is a member; simulated asleep (app-config.yaml). */
const OWN = 'data-platform-vc-sandbox-dev';
/** team-checkout's, of which the guest is not a member; awake and ready. */
const OTHER = 'checkout-vc-preview-dev';

async function guestToken(request: APIRequestContext) {
  const response = await request.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token as string;
}

const stateCard = (page: Page) =>
  page.locator('.MuiCard-root', { hasText: 'vCluster state' });
/** The state card's row of the chart version deployed (not the pinned one). */
const chartRow = (page: Page) =>
  stateCard(page)
    .getByRole('row')
    .filter({ hasText: /^Chart version/i });
const accessCard = (page: Page) =>
  page.locator('.MuiCard-root', { hasText: 'vCluster access' });

/**
 * Opens a vCluster's entity page once its state card reports `status`
 * (right after start the backend may still be on its first refresh) and
 * the permission of its download has been decided.
 */
async function openVClusterPage(page: Page, name: string, status: string) {
  await expect(async () => {
    const decided = page.waitForResponse(r =>
      r.url().includes('/api/permission/authorize'),
    );
    await page.goto(`/catalog/default/resource/${name}`);
    await decided;
    await expect(
      page.getByRole('heading', { name, exact: true }).first(),
    ).toBeVisible({ timeout: 10_000 });
    await expect(stateCard(page)).toContainText(status, { timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
}

test("the guest sees its team's vCluster asleep with its chart version and downloads its kubeconfig", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const simulated = await simulatedVCluster(request, CLUSTER, OWN);
  expect(simulated).toMatchObject({ sleeping: true, replicas: 0 });
  const secret = parse(simulated.kubeconfig);
  const server: string = secret.clusters[0].cluster.server;
  expect(server).toBe(`https://${OWN}.${OWN}.svc:443`);

  await signInAsGuest(page);
  await openVClusterPage(page, OWN, 'Sleeping');
  const state = stateCard(page);
  await expect(chartRow(page)).toContainText(simulated.chartVersion);
  await expect(state).toContainText(`vcluster-${OWN}`);

  const access = accessCard(page);
  await expect(access).toContainText(server);
  await expect(access).toContainText(`vcluster connect ${OWN} -n ${OWN}`);

  const downloadStarted = page.waitForEvent('download');
  await access.getByRole('button', { name: 'Download kubeconfig' }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toBe(`${OWN}.kubeconfig`);
  const kubeconfig = parse(readFileSync((await download.path())!, 'utf8'));
  expect(kubeconfig).toEqual(secret);
  expect(kubeconfig.kind).toBe('Config');
  expect(kubeconfig.clusters).toEqual([
    {
      name: OWN,
      cluster: expect.objectContaining({ server }),
    },
  ]);
  expect(kubeconfig['current-context']).toBe(OWN);
  await expect(access).toContainText(`Saved as ${OWN}.kubeconfig`);
  await page.screenshot({
    path: testInfo.outputPath('vcluster-page-own.png'),
    fullPage: true,
  });
  // The entity page's side column scrolls on its own: its cards, whole.
  await accessCard(page).screenshot({
    path: testInfo.outputPath('vcluster-access-own.png'),
  });
  await stateCard(page).screenshot({
    path: testInfo.outputPath('vcluster-state-own.png'),
  });
});

test("on another team's vCluster the guest sees its state but no download, and the API refuses the kubeconfig", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const simulated = await simulatedVCluster(request, CLUSTER, OTHER);
  expect(simulated).toMatchObject({ sleeping: false, replicas: 1 });
  const token = await guestToken(request);

  await signInAsGuest(page);
  await openVClusterPage(page, OTHER, 'Ready');
  await expect(chartRow(page)).toContainText(simulated.chartVersion);
  const access = accessCard(page);
  await expect(access).toContainText(`vcluster connect ${OTHER} -n ${OTHER}`);
  await expect(
    page.getByRole('button', { name: 'Download kubeconfig' }),
  ).toHaveCount(0);
  // Instead of the button, who may.
  await expect(access).toContainText(
    'Only the members of Checkout team and the platform admins may download its kubeconfig',
  );

  // Asked directly, from the page with the guest's token, the backend refuses.
  const refused = await page.evaluate(
    async ({ url, bearer }) => {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${bearer}` },
      });
      return { status: response.status, body: await response.json() };
    },
    {
      url: `${BACKEND}/api/tenancy/v1/entities/resource/default/${OTHER}/kubeconfig`,
      bearer: token,
    },
  );
  expect(refused.status).toBe(403);
  expect(refused.body.error.name).toBe('NotAllowedError');
  expect(refused.body.error.message).toContain(
    `Not allowed to read the kubeconfig of resource:default/${OTHER}`,
  );
  expect(refused.body.error.message).toContain(
    'the permission tenancy.vcluster.kubeconfig.read was denied',
  );
  expect(JSON.stringify(refused.body)).not.toContain('certificate');
  await page.screenshot({
    path: testInfo.outputPath('vcluster-page-other.png'),
    fullPage: true,
  });
  // The entity page's side column scrolls on its own: its cards, whole.
  await accessCard(page).screenshot({
    path: testInfo.outputPath('vcluster-access-other.png'),
  });
  await stateCard(page).screenshot({
    path: testInfo.outputPath('vcluster-state-other.png'),
  });
});

test('the fleet page lists both vClusters with their state and chart version', async ({
  page,
  request,
}, testInfo) => {
  const own = await simulatedVCluster(request, CLUSTER, OWN);
  const other = await simulatedVCluster(request, CLUSTER, OTHER);
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Tenants' })
    .click();
  await expect(page.getByText(/^vClusters \(\d+\)$/)).toBeVisible();
  const row = (name: string) =>
    page.getByRole('row').filter({
      has: page.getByRole('link', { name, exact: true }),
    });
  await expect(row(OWN)).toContainText('Data platform');
  await expect(row(OWN)).toContainText('Sleeping');
  await expect(row(OWN)).toContainText(own.chartVersion);
  await expect(row(OTHER)).toContainText('Checkout');
  await expect(row(OTHER)).toContainText('Ready');
  await expect(row(OTHER)).toContainText(other.chartVersion);
  await page.getByText(/^vClusters \(\d+\)$/).scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('fleet-vclusters.png'),
    fullPage: true,
  });
});
