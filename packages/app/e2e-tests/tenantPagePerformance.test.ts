import { writeFileSync } from 'node:fs';
import { expect, Page, Route, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/**
 * How fast the tenant page becomes interactive once its data has arrived,
 * for a tenant with 200 namespaces against one with a single namespace
 * measured in the same run. The tenancy API and the catalog's answer are
 * served by the test (the embedded default has no tenant that large); the
 * page, the browser and the production build are the real ones.
 */

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

function syntheticTenant(count: number) {
  const names = Array.from(
    { length: count },
    (_, i) => `perf-${String(i).padStart(3, '0')}`,
  );
  const place = (i: number) => ({
    environment: ENVIRONMENTS[i % 3],
    cluster: i % 3 === 2 ? 'prod-eu-1' : 'nonprod-eu-1',
  });
  const entities = names.map((name, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'tenancy.io/tenant': 'payments',
        'tenancy.io/environment': place(i).environment,
        'backstage.io/kubernetes-cluster': place(i).cluster,
      },
    },
    spec: { type: 'kubernetes-namespace' },
  }));
  const usage = (resource: string, used: number, hard: number) => ({
    resource,
    used: String(used),
    hard: String(hard),
    usedValue: used,
    hardValue: hard,
    utilisation: used / hard,
  });
  const namespaces = names.map((name, i) => ({
    entityRef: `resource:default/${name}`,
    type: 'kubernetes-namespace',
    namespace: name,
    ...place(i),
    quota: {
      resources: [
        usage('requests.cpu', (i % 10) + 1, 12),
        usage('limits.cpu', (i % 10) + 2, 24),
        usage('requests.memory', (i % 7) + 1, 8),
        usage('limits.memory', (i % 7) + 2, 16),
        usage('pods', i % 30, 30),
      ],
      limitRanges: [
        {
          name: 'defaults',
          limits: [{ type: 'Container', default: { cpu: '500m' } }],
        },
      ],
      phase: 'Active',
    },
    cost: {
      window: '7d',
      currency: 'USD',
      total: 10 + i,
      breakdown: { cpu: 5, ram: 3, storage: 1, network: 1, other: i },
      daily: [],
    },
    applications: [
      {
        instance: 'argocd',
        name: `${name}-app`,
        project: 'payments',
        sync: i % 5 ? 'Synced' : 'OutOfSync',
        health: i % 7 ? 'Healthy' : 'Degraded',
        revisions: ['main'],
        url: `http://argocd.local/applications/argocd/${name}-app`,
      },
    ],
  }));
  const summary = {
    entityRef: 'tenant:default/payments',
    namespaces,
    totals: {
      quota: [usage('requests.cpu', 100, 2400)],
      cost: {
        window: '7d',
        currency: 'USD',
        total: 1000,
        breakdown: { cpu: 500, ram: 300, storage: 100, network: 50, other: 50 },
        daily: [{ date: '2026-11-20', total: 1000 }],
      },
      applications: { total: count, outOfSync: 0, degraded: 0, progressing: 0 },
    },
    otherApplications: [],
    generatedAt: new Date().toISOString(),
    errors: [],
    sources: [],
    stale: false,
  };
  return { entities, summary, last: names[names.length - 1] };
}

/** Serves the tenant's data once both are asked for; returns when it did. */
async function serveTenant(page: Page, count: number) {
  const { entities, summary, last } = syntheticTenant(count);
  let release!: (at: number) => void;
  const arrived = new Promise<number>(r => (release = r));
  let waitingFor = new Set(['catalog', 'summary']);
  const hold = async (route: Route, which: string, body: unknown) => {
    waitingFor.delete(which);
    if (waitingFor.size === 0) release(Date.now());
    await arrived;
    await route.fulfill({ json: body });
  };
  await page.route(
    /\/api\/tenancy\/v1\/entities\/tenant\/default\/payments\/summary/,
    r => hold(r, 'summary', summary),
  );
  await page.route(
    /\/api\/tenancy\/v1\/entities\/tenant\/default\/payments\/requests/,
    r => r.fulfill({ json: { items: [], configured: true } }),
  );
  await page.route(/\/api\/catalog\/entities\?.*relations\.partof/i, r =>
    hold(r, 'catalog', entities),
  );
  return {
    arrived,
    last,
    reset: () => (waitingFor = new Set(['catalog', 'summary'])),
  };
}

async function timeToInteractive(page: Page, count: number) {
  const { arrived, last } = await serveTenant(page, count);
  await page.goto('/catalog/default/tenant/payments');
  const dataAt = await arrived;
  const row = page.getByTestId(`namespace-${last}`);
  await expect(row.getByTestId('quota-pods')).toBeVisible();
  await row
    .getByRole('button', { name: `Show LimitRange defaults of ${last}` })
    .click();
  await expect(
    page.getByRole('table', { name: `LimitRange defaults of ${last}` }),
  ).toBeVisible();
  const interactiveAt = Date.now();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return interactiveAt - dataAt;
}

test('the tenant page with 200 namespaces is interactive soon after its data arrives', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signInAsGuest(page);
  // Warm the lazily loaded chunks once, as a user's second visit would.
  await timeToInteractive(page, 1);

  const runs = { baseline1: [] as number[], namespaces200: [] as number[] };
  for (let i = 0; i < 3; i++) {
    runs.baseline1.push(await timeToInteractive(page, 1));
    runs.namespaces200.push(await timeToInteractive(page, 200));
  }
  await page.screenshot({
    path: testInfo.outputPath('tenant-200-namespaces.png'),
  });
  const median = (v: number[]) =>
    [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const result = {
    medianMs200: median(runs.namespaces200),
    medianMs1: median(runs.baseline1),
    ratio: median(runs.namespaces200) / Math.max(1, median(runs.baseline1)),
    runs,
    aimMs: 1500,
  };
  // eslint-disable-next-line no-console
  console.log(
    `tenant page time to interactive after data: ${JSON.stringify(result)}`,
  );
  writeFileSync(
    testInfo.outputPath('tenant-page-performance.json'),
    JSON.stringify(result, null, 2),
  );
  // Not a timing assertion: the figure is reported (docs/benchmarks.md). The
  // bound only catches a page that never settles.
  expect(result.medianMs200).toBeLessThan(15_000);
});
