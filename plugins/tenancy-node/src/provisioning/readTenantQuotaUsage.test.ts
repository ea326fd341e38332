import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { LocalGitPublisher } from '../publishers/LocalGitPublisher';
import { readTenantQuotaUsage } from './readTenantQuotaUsage';

const quota = (hard: Record<string, string>) =>
  `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: tenant-quota\nspec:\n  hard:\n${Object.entries(
    hard,
  )
    .map(([k, v]) => `    ${k}: "${v}"`)
    .join('\n')}\n`;

describe('readTenantQuotaUsage', () => {
  const dir = createMockDirectory();

  it('counts the base branch, vClusters and open requests, not the request itself nor decommissions', async () => {
    dir.setContent({
      seed: {
        'tenants/payments/dev/payments-dev/resourcequota.yaml': quota({
          'requests.cpu': '2',
        }),
        'tenants/payments/dev/payments-api-dev/resourcequota.yaml': quota({
          'requests.cpu': '1',
        }),
        'tenants/payments/dev/payments-vc-x-dev/argocd/vcluster-application.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
spec:
  source:
    helm:
      valuesObject:
        policies:
          resourceQuota:
            quota:
              requests.cpu: "3"
`,
        'tenants/checkout/dev/checkout-dev/resourcequota.yaml': quota({
          'requests.cpu': '50',
        }),
      },
    });
    const publisher = await LocalGitPublisher.open({
      path: join(dir.path, 'repo'),
      seedFrom: join(dir.path, 'seed'),
    });
    const open = (subject: string, files: Record<string, string>) =>
      publisher.publish({
        branch: `tenancy/payments/${subject}`,
        title: subject,
        body: '',
        files,
        fingerprint: subject,
        whenOpenDiffers: 'conflict',
      });
    // A new namespace and an increase wait for review; a decommission too.
    await open('payments-web-dev', {
      'tenants/payments/dev/payments-web-dev/resourcequota.yaml': quota({
        'requests.cpu': '4',
      }),
    });
    await open('payments-dev-update', {
      'tenants/payments/dev/payments-dev/resourcequota.yaml': quota({
        'requests.cpu': '6',
      }),
    });
    await open('payments-api-dev-delete', {
      'tenants/payments/README.md': 'going\n',
    });

    const usage = await readTenantQuotaUsage({
      publisher,
      layout: GitOpsLayout.create(),
      tenant: 'payments',
      namespace: 'payments-new-dev',
    });
    expect(
      Object.fromEntries(
        usage.map(u => [u.namespace, u.quota['requests.cpu']]),
      ),
    ).toEqual({
      'payments-dev': '6',
      'payments-api-dev': '1',
      'payments-vc-x-dev': '3',
      'payments-web-dev': '4',
    });

    // A change of payments-dev counts its new quota instead of the old.
    const forUpdate = await readTenantQuotaUsage({
      publisher,
      layout: GitOpsLayout.create(),
      tenant: 'payments',
      namespace: 'payments-dev',
    });
    expect(forUpdate.map(u => u.namespace).sort()).toEqual([
      'payments-api-dev',
      'payments-vc-x-dev',
      'payments-web-dev',
    ]);
  });
});
