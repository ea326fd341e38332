import {
  TENANCY_ANNOTATIONS,
  validateDnsLabel,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { Candidate, pushIf } from './Candidate';

const WORKLOAD_TYPES = ['kubernetes-namespace', 'vcluster'];

/**
 * Checks a namespace or vCluster entity against its folder and its tenant,
 * and makes it depend on its cluster.
 */
export function checkWorkload(c: Candidate, tenant: Candidate | undefined) {
  const {
    tenant: tenantName,
    environment,
    name,
  } = c.place as {
    tenant: string;
    environment: string;
    name: string;
  };
  const entity = c.entity;
  if (!entity) return;
  const annotations = entity.metadata?.annotations ?? {};

  if (
    entity.kind !== 'Resource' ||
    !WORKLOAD_TYPES.includes(String(entity.spec?.type))
  ) {
    c.problems.push(
      `must be a Resource of spec.type ${WORKLOAD_TYPES.join(' or ')}`,
    );
  }
  if (entity.metadata?.name !== name) {
    c.problems.push(
      `metadata.name "${entity.metadata?.name}" must match the folder "${name}"`,
    );
  }
  pushIf(c, validateDnsLabel(name, 'namespace name'));
  const k8sName = annotations[TENANCY_ANNOTATIONS.kubernetesNamespace];
  if (k8sName !== undefined && k8sName !== name) {
    pushIf(
      c,
      validateDnsLabel(
        k8sName,
        `annotation ${TENANCY_ANNOTATIONS.kubernetesNamespace}`,
      ),
    );
  }
  if (annotations[TENANCY_ANNOTATIONS.tenant] !== tenantName) {
    c.problems.push(
      `annotation ${TENANCY_ANNOTATIONS.tenant} "${
        annotations[TENANCY_ANNOTATIONS.tenant]
      }" must name the tenant folder "${tenantName}"`,
    );
  }
  if (annotations[TENANCY_ANNOTATIONS.environment] !== environment) {
    c.problems.push(
      `annotation ${TENANCY_ANNOTATIONS.environment} "${
        annotations[TENANCY_ANNOTATIONS.environment]
      }" must name the environment folder "${environment}"`,
    );
  }
  const cluster = annotations[TENANCY_ANNOTATIONS.kubernetesCluster];
  if (!cluster) {
    c.problems.push(
      `annotation ${TENANCY_ANNOTATIONS.kubernetesCluster} is required`,
    );
  }

  if (!tenant) {
    c.problems.push(`tenant "${tenantName}" has no tenant.yaml`);
  } else if (tenant.problems.length > 0) {
    c.problems.push(`tenant "${tenantName}" is invalid (see ${tenant.path})`);
  } else {
    const environments = tenant.entity?.spec?.environments;
    if (Array.isArray(environments) && !environments.includes(environment)) {
      c.problems.push(
        `environment "${environment}" is not one of tenant ${tenantName}'s environments (${environments.join(
          ', ',
        )})`,
      );
    }
  }

  if (c.problems.length === 0 && cluster) {
    const clusterRef = `resource:${cluster}`;
    const dependsOn = (entity.spec?.dependsOn as string[] | undefined) ?? [];
    if (!dependsOn.includes(clusterRef)) {
      entity.spec = { ...entity.spec, dependsOn: [...dependsOn, clusterRef] };
    }
  }
}
