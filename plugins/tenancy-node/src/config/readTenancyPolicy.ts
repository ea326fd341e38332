import { Config } from '@backstage/config';
import {
  checkClusterEngines,
  compileCostCenterPattern,
  ContainerLimits,
  GitOpsEngine,
  GuardrailsSettings,
  IMAGE_REGISTRY_PREFIX_PATTERN,
  isImageRegistryPrefix,
  limitsRule,
  RbacSubject,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

const DEFAULT_RESERVED_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'argocd',
  'cert-manager',
  'ingress-nginx',
  'monitoring',
];
const DEFAULT_RESERVED_PREFIXES = ['kube-', 'openshift-', 'platform-'];
const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
const GITOPS_ENGINES = ['argocd', 'flux'] as const;
const GUARDRAIL_ENGINES = [
  'kyverno',
  'validating-admission-policy',
  'gatekeeper',
  'none',
] as const;
/** Argo CD's application controller, as the API server names it. */
const DEFAULT_CONTROLLER_USERS = [
  'system:serviceaccount:argocd:argocd-application-controller',
];

/**
 * Reads `tenancy.policy` and `tenancy.tenants.costCenterPattern` (documented
 * in this package's config.d.ts): the policy every validator receives. Part
 * of {@link readTenancyConfig}; throws with the key at fault.
 *
 * @public
 */
export function readTenancyPolicy(config: Config): TenancyPolicy {
  const root = config.getOptionalConfig('tenancy.policy');
  const environments: TenancyPolicy['environments'] = {};
  const envConfig = root?.getOptionalConfig('environments');
  for (const name of envConfig?.keys() ?? []) {
    const env = envConfig!.getConfig(name);
    const podSecurity = env.getOptionalString('podSecurity') ?? 'restricted';
    if (!POD_SECURITY_LEVELS.includes(podSecurity as any)) {
      throw new Error(
        `tenancy.policy.environments.${name}.podSecurity must be one of ${POD_SECURITY_LEVELS.join(
          ', ',
        )}, not "${podSecurity}"`,
      );
    }
    environments[name] = {
      clusters: env.getStringArray('clusters'),
      podSecurity:
        podSecurity as TenancyPolicy['environments'][string]['podSecurity'],
      ceiling: readQuantities(env.getOptionalConfig('ceiling')),
      ...readContainerLimits(
        env.getOptionalConfig('containerLimits'),
        `tenancy.policy.environments.${name}.containerLimits`,
      ),
    };
  }
  const clusters = readClusters(root?.getOptionalConfig('clusters'));
  checkClusterEngines({ environments, clusters });
  const containerLimits: Record<string, ContainerLimits> = {};
  const limitsConfig = root?.getOptionalConfig('containerLimits');
  for (const size of limitsConfig?.keys() ?? []) {
    containerLimits[size] = readContainerLimits(
      limitsConfig!.getConfig(size),
      `tenancy.policy.containerLimits.${size}`,
    ).containerLimits!;
  }
  const sizes: TenancyPolicy['quotaSizes'] = {};
  const sizeConfig = root?.getOptionalConfig('quotaSizes');
  for (const size of sizeConfig?.keys() ?? []) {
    sizes[size] = readQuantities(sizeConfig!.getConfig(size));
  }
  const costCenterPattern = config.getOptionalString(
    'tenancy.tenants.costCenterPattern',
  );
  if (costCenterPattern) compileCostCenterPattern(costCenterPattern);
  return {
    environments,
    ...(Object.keys(clusters).length ? { clusters } : {}),
    reservedNamespaces:
      root?.getOptionalStringArray('reservedNamespaces') ??
      DEFAULT_RESERVED_NAMESPACES,
    reservedPrefixes:
      root?.getOptionalStringArray('reservedPrefixes') ??
      DEFAULT_RESERVED_PREFIXES,
    ...(costCenterPattern ? { costCenterPattern } : {}),
    nodePools: root?.getOptionalStringArray('nodePools') ?? [],
    quotaSizes: sizes,
    ...(root?.has('ingressNamespaces')
      ? { ingressNamespaces: root.getStringArray('ingressNamespaces') }
      : {}),
    ...(Object.keys(containerLimits).length ? { containerLimits } : {}),
    // The platform's tenant role of the bootstrap (TENANT_CLUSTER_ROLE):
    // edit without NetworkPolicy, never quota, limits, RBAC or the Namespace.
    clusterRoles: root?.getOptionalStringArray('clusterRoles') ?? [
      'tenancy-tenant',
    ],
    argocd: {
      sourceRepos: root?.getOptionalStringArray('argocd.sourceRepos') ?? [],
    },
    guardrails: readGuardrails(
      root?.getOptionalConfig('guardrails'),
      Object.keys(environments),
    ),
    vcluster: readVClusterPolicy(root?.getOptionalConfig('vcluster')),
  };
}

/** `tenancy.policy.clusters`: the engine of each cluster. */
function readClusters(
  config: Config | undefined,
): NonNullable<TenancyPolicy['clusters']> {
  const clusters: NonNullable<TenancyPolicy['clusters']> = {};
  for (const name of config?.keys() ?? []) {
    const engine = config!.getConfig(name).getOptionalString('engine');
    if (engine !== undefined && !GITOPS_ENGINES.includes(engine as any)) {
      throw new Error(
        `tenancy.policy.clusters.${name}.engine must be one of ${GITOPS_ENGINES.join(
          ', ',
        )}, not "${engine}"`,
      );
    }
    clusters[name] = { engine: (engine as GitOpsEngine) ?? 'argocd' };
  }
  return clusters;
}

/** `tenancy.policy.guardrails`: the baseline policies of the bootstrap. */
function readGuardrails(
  config: Config | undefined,
  environments: string[],
): GuardrailsSettings {
  const key = 'tenancy.policy.guardrails';
  const engine = config?.getOptionalString('engine') ?? 'none';
  if (!GUARDRAIL_ENGINES.includes(engine as any)) {
    throw new Error(
      `${key}.engine must be one of ${GUARDRAIL_ENGINES.join(
        ', ',
      )}, not "${engine}"`,
    );
  }
  const allowedRegistries =
    config?.getOptionalStringArray('allowedRegistries') ?? [];
  allowedRegistries.forEach((registry, i) => {
    if (!isImageRegistryPrefix(registry)) {
      throw new Error(
        `${key}.allowedRegistries[${i}] "${registry}" is not an image reference prefix: a registry host, optional port and path segments, ending with / (pattern ${IMAGE_REGISTRY_PREFIX_PATTERN})`,
      );
    }
  });
  const environmentList = (name: string) => {
    const values = config?.getOptionalStringArray(name);
    const unknown = values?.find(
      e => environments.length > 0 && !environments.includes(e),
    );
    if (unknown !== undefined) {
      throw new Error(
        `${key}.${name} names "${unknown}", which is not an environment of tenancy.policy.environments (${environments.join(
          ', ',
        )})`,
      );
    }
    return values ?? ['prod'];
  };
  return {
    engine: engine as GuardrailsSettings['engine'],
    allowedRegistries,
    disallowLatestTagIn: environmentList('disallowLatestTagIn'),
    enforceIn: environmentList('enforceIn'),
    controllerUsers:
      config?.getOptionalStringArray('controllerUsers') ??
      DEFAULT_CONTROLLER_USERS,
  };
}

function readVClusterPolicy(
  config: Config | undefined,
): TenancyPolicy['vcluster'] {
  const chartVersion = config?.getOptionalString('chartVersion') ?? '0.36.1';
  if (!/^0\.36\.[0-9]+$/.test(chartVersion)) {
    throw new Error(
      `tenancy.policy.vcluster.chartVersion must be an exact 0.36.x release (the values schema the actions check against), not "${chartVersion}"`,
    );
  }
  return {
    chartRepo:
      config?.getOptionalString('chartRepo') ?? 'https://charts.loft.sh',
    chartVersion,
    project: config?.getOptionalString('project') ?? 'platform-vclusters',
    ...readKubeconfigReader(config?.getOptionalConfig('kubeconfigReader')),
  };
}

/** `tenancy.policy.vcluster.kubeconfigReader`: a RoleBinding subject. */
function readKubeconfigReader(
  config: Config | undefined,
): Pick<TenancyPolicy['vcluster'], 'kubeconfigReader'> {
  if (!config) return {};
  const key = 'tenancy.policy.vcluster.kubeconfigReader';
  const kind = config.getString('kind');
  const name = config.getString('name');
  const namespace = config.getOptionalString('namespace');
  if (!['ServiceAccount', 'User', 'Group'].includes(kind)) {
    throw new Error(
      `${key}.kind must be ServiceAccount, User or Group, not "${kind}"`,
    );
  }
  if ((kind === 'ServiceAccount') !== (namespace !== undefined)) {
    throw new Error(
      `${key}.namespace is required for a ServiceAccount and allowed for it only`,
    );
  }
  return {
    kubeconfigReader: {
      kind: kind as RbacSubject['kind'],
      name,
      ...(namespace === undefined ? {} : { namespace }),
    },
  };
}

/**
 * A container LimitRange of the config, checked by the LimitRange rule (only
 * cpu and memory, quantities, defaultRequest ≤ default ≤ max).
 */
function readContainerLimits(
  config: Config | undefined,
  key: string,
): { containerLimits?: ContainerLimits } {
  if (!config) return {};
  const limits: ContainerLimits = {};
  for (const level of ['defaultRequest', 'default', 'max'] as const) {
    const values = config.getOptionalConfig(level);
    if (values) limits[level] = readQuantities(values);
  }
  const problems = limitsRule(limits);
  if (problems.length > 0) {
    throw new Error(
      `${key} is invalid: ${problems
        .map(
          p => `${p.field.replace(/^limits\./, '')} (${p.rule}): ${p.message}`,
        )
        .join('; ')}`,
    );
  }
  return { containerLimits: limits };
}

/**
 * Resource names contain dots (`requests.cpu`), which config lookups read as
 * paths: read the whole object instead.
 */
function readQuantities(config: Config | undefined): Record<string, string> {
  const raw = (config?.get() ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, String(v)]),
  );
}
