import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  TenantRequestInput,
  validateTenantRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { readTenancyConfig } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenantEntitiesProcessor } from './TenantEntitiesProcessor';

const tenant = (costCenter: string): Entity => ({
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments' },
  spec: { owner: 'team-payments', costCenter },
});

describe('TenantEntitiesProcessor cost center pattern', () => {
  const processor = TenantEntitiesProcessor.fromConfig(
    new ConfigReader({
      tenancy: { tenants: { costCenterPattern: 'CC-[0-9]{4}' } },
    }),
  );

  it('accepts a cost center that matches the whole pattern', async () => {
    await expect(processor.validateEntityKind(tenant('CC-1234'))).resolves.toBe(
      true,
    );
  });

  it.each(['CC-12', 'XCC-1234', 'CC-12345', 'cc-1234'])(
    'rejects %s, naming the field and the pattern',
    async costCenter => {
      await expect(
        processor.validateEntityKind(tenant(costCenter)),
      ).rejects.toThrow(
        `spec.costCenter "${costCenter}" of tenant payments does not match the configured pattern`,
      );
    },
  );

  it('accepts any cost center when no pattern is configured', async () => {
    const open = TenantEntitiesProcessor.fromConfig(new ConfigReader({}));
    await expect(open.validateEntityKind(tenant('anything'))).resolves.toBe(
      true,
    );
  });

  it('refuses to start with a broken pattern', () => {
    expect(() =>
      TenantEntitiesProcessor.fromConfig(
        new ConfigReader({ tenancy: { tenants: { costCenterPattern: '([' } } }),
      ),
    ).toThrow(
      /tenancy.tenants.costCenterPattern is not a valid regular expression/,
    );
  });

  // One rule for both: before, tenancy:tenant:create had its own pattern and
  // opened requests with cost centers this processor then rejected.
  it.each(['CC-1234', 'CC-12', 'XCC-1234', 'ACME-1'])(
    'agrees with tenancy:tenant:create on %s',
    async costCenter => {
      const config = new ConfigReader({
        tenancy: { tenants: { costCenterPattern: 'CC-[0-9]{4}' } },
      });
      const request: TenantRequestInput = {
        name: 'search',
        owner: 'group:default/team-search',
        costCenter,
        ssoGroup: 'search-developers',
        environments: [],
      };
      const requestAccepted = !validateTenantRequest(request, {
        existingTenants: [],
        policy: readTenancyConfig(config).policy,
      }).some(p => p.field === 'costCenter');
      const catalogAccepted = await TenantEntitiesProcessor.fromConfig(config)
        .validateEntityKind(tenant(costCenter))
        .then(
          () => true,
          () => false,
        );
      expect(requestAccepted).toBe(catalogAccepted);
      expect(catalogAccepted).toBe(costCenter === 'CC-1234');
    },
  );
});

describe('TenantEntitiesProcessor Kubernetes tab annotations', () => {
  const processor = TenantEntitiesProcessor.fromConfig(new ConfigReader({}));
  const resource = (
    type: string,
    annotations: Record<string, string>,
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'payments-dev', annotations },
    spec: { type, owner: 'team-payments' },
  });
  const ofTenant = {
    'tenancy.io/tenant': 'payments',
    'backstage.io/kubernetes-namespace': 'payments-dev',
    'backstage.io/kubernetes-cluster': 'nonprod-eu-1',
  };

  it.each(['kubernetes-namespace', 'vcluster'])(
    'gives a tenant %s the label selector of every object in its namespace',
    async type => {
      const entity = await processor.preProcessEntity(resource(type, ofTenant));
      expect(entity.metadata.annotations).toEqual({
        ...ofTenant,
        'backstage.io/kubernetes-label-selector': '!tenancy.io/unlisted',
      });
    },
  );

  it('keeps a selector the entity has, and leaves other entities alone', async () => {
    const own = resource('kubernetes-namespace', {
      ...ofTenant,
      'backstage.io/kubernetes-label-selector': 'app=payments',
    });
    expect(await processor.preProcessEntity(own)).toEqual(own);
    const database = resource('database', ofTenant);
    expect(await processor.preProcessEntity(database)).toEqual(database);
    const { 'tenancy.io/tenant': _, ...notATenant } = ofTenant;
    const other = resource('kubernetes-namespace', notATenant);
    expect(await processor.preProcessEntity(other)).toEqual(other);
  });
});
