import { resourceEntityV1alpha1Validator } from '@backstage/catalog-model';
import { renderNamespaceEntity } from './renderNamespaceEntity';
import { composeNamespaceName } from './composeNamespaceName';

describe('renderNamespaceEntity', () => {
  const request = {
    tenant: 'payments',
    owner: 'group:default/team-payments',
    costCenter: 'CC-1001',
    environment: 'prod',
    cluster: 'prod-eu-1',
    namespace: composeNamespaceName({
      tenant: 'payments',
      suffix: 'api',
      environment: 'prod',
    }),
  };

  it('renders a valid Resource entity the upstream Kubernetes plugin understands', async () => {
    const entity = renderNamespaceEntity(request);
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
    expect(entity.metadata.name).toBe('payments-api-prod');
    expect(entity.metadata.annotations).toMatchObject({
      'tenancy.io/tenant': 'payments',
      'tenancy.io/environment': 'prod',
      'tenancy.io/cost-center': 'CC-1001',
      'backstage.io/kubernetes-namespace': 'payments-api-prod',
      'backstage.io/kubernetes-cluster': 'prod-eu-1',
    });
    expect(entity.spec).toMatchObject({
      type: 'kubernetes-namespace',
      owner: 'group:default/team-payments',
      dependsOn: ['resource:prod-eu-1'],
    });
  });

  it('composes names without a suffix from tenant and environment', () => {
    expect(
      composeNamespaceName({ tenant: 'payments', environment: 'dev' }),
    ).toBe('payments-dev');
  });
});
