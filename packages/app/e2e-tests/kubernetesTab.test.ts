import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/** The embedded default's simulated cluster (app-config.yaml). */
const CLUSTER = 'http://127.0.0.1:7008/k8s/nonprod-eu-1';

test("a namespace's Kubernetes tab lists its workloads from the simulated cluster", async ({
  page,
  request,
}, testInfo) => {
  const namespace = 'payments-staging';
  const deployments = await request.get(
    `${CLUSTER}/apis/apps/v1/namespaces/${namespace}/deployments`,
    { headers: { Authorization: 'Bearer simulated-service-account-token' } },
  );
  expect(deployments.ok()).toBe(true);
  const names: string[] = (await deployments.json()).items.map(
    (d: any) => d.metadata.name,
  );
  expect(names.length).toBeGreaterThan(0);

  await signInAsGuest(page);
  await page.goto(`/catalog/default/resource/${namespace}`);
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/resource/${namespace}/kubernetes`));
  // Its one cluster, healthy: every pod running, none restarted.
  const cluster = page.getByRole('button', { name: /nonprod-eu-1/ });
  await expect(cluster).toContainText('No pods with errors');
  await expect(page.getByText('Error Reporting')).toHaveCount(0);
  await cluster.click();
  for (const name of names) {
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
  }
  await page.screenshot({
    path: process.env.K8S_TAB_SCREENSHOT ?? testInfo.outputPath('k8s-tab.png'),
    fullPage: true,
  });
});
