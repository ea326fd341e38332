import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  RELATION_HAS_PART,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FleetResponse,
  getTenantOwnerRef,
  isTenantEntity,
  TENANT_KIND,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { FleetService } from './types';

/**
 * Reads tenants and their parts from the catalog with the caller's
 * credentials, so the catalog's permission rules decide what is visible.
 */
export class DefaultFleetService implements FleetService {
  static create(options: { catalog: CatalogService }): DefaultFleetService {
    return new DefaultFleetService(options.catalog);
  }

  private constructor(private readonly catalog: CatalogService) {}

  async listTenants(options: {
    credentials: BackstageCredentials;
  }): Promise<FleetResponse> {
    const [tenants, parts] = await Promise.all([
      this.catalog.getEntities(
        {
          filter: { kind: TENANT_KIND },
          fields: ['apiVersion', 'kind', 'metadata', 'spec', 'relations'],
        },
        options,
      ),
      this.catalog.getEntities(
        {
          filter: {
            kind: 'Resource',
            'spec.type': ['kubernetes-namespace', 'vcluster'],
          },
          fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.type'],
        },
        options,
      ),
    ]);

    const typeByRef = new Map(
      parts.items.map(part => [
        stringifyEntityRef(part),
        String(part.spec?.type),
      ]),
    );

    const items = tenants.items.filter(isTenantEntity).map(tenant => {
      const partTypes = (tenant.relations ?? [])
        .filter(r => r.type === RELATION_HAS_PART)
        .map(r => typeByRef.get(r.targetRef));
      return {
        entityRef: stringifyEntityRef(tenant),
        name: tenant.metadata.name,
        title: tenant.metadata.title,
        owner: getTenantOwnerRef(tenant),
        costCenter: tenant.spec.costCenter,
        environments: tenant.spec.environments ?? [],
        namespaceCount: partTypes.filter(t => t === 'kubernetes-namespace')
          .length,
        vclusterCount: partTypes.filter(t => t === 'vcluster').length,
      };
    });
    items.sort((a, b) => a.entityRef.localeCompare(b.entityRef));

    return { items, generatedAt: new Date().toISOString() };
  }
}
