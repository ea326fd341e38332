/**
 * Isomorphic model of the tenancy plugins: the Tenant kind, annotations, schemas.
 *
 * @packageDocumentation
 */

export * from './model/annotations';
export * from './model/TenantEntityV1alpha1';
export * from './model/getTenantOwnerRef';
export * from './model/imageRegistryPrefix';
export * from './model/quotaLevel';
export * from './model/tenantEntityV1alpha1Schema';
export * from './model/tenantEntityV1alpha1Validator';
export * from './api/FleetTenant';
export * from './api/EntitySummary';
export * from './api/SourceStatus';
export * from './api/TenantRequests';
export * from './api/Provisioning';
export type { components as TenancyApiComponents } from './schema/openapi/generated/models/openapi';
export * from './naming/validateDnsLabel';
export * from './kubernetes/parseLabelSelector';
export * from './gitops/GitOpsLayout';
export * from './gitops/gitOpsEngineOf';
export * from './render/NamespaceRequest';
export * from './render/composeNamespaceName';
export * from './render/renderNamespaceEntity';
export * from './policy/quantity';
export * from './policy/TenancyPolicy';
export * from './policy/ValidationProblem';
export * from './policy/validateNamespaceRequest';
export { CONTROL_CHARACTERS } from './policy/rules/freeText';
export { validateIdentityGroup } from './policy/rules/identity';
export { limitsRule } from './policy/rules/limits';
export * from './policy/rules/budget';
export { sharedTenantPrefix } from './policy/rules/names';
export {
  compileCostCenterPattern,
  costCenterPatternRule,
  costCenterRule,
} from './policy/rules/costCenter';
export * from './render/renderNamespaceBundle';
export * from './render/renderTenantAppProject';
export * from './render/renderVClusterBundle';
export * from './policy/validateVClusterRequest';
export * from './policy/validateTenantRequest';
export * from './render/renderTenantEntity';
export * from './render/renderBootstrap';
export * from './render/renderTenantClusterRoles';
export * from './render/guardrails/renderGuardrails';
export { baselineGuardrailRules } from './render/guardrails/baselineGuardrailRules';
export { allowedRegistriesRule } from './render/guardrails/allowedRegistriesRule';
export { guardrailModes } from './render/guardrails/GuardrailRule';
export type {
  GuardrailMode,
  GuardrailModeScope,
  GuardrailParameter,
  GuardrailRule,
} from './render/guardrails/GuardrailRule';
export * from './render/guardrails/renderKyvernoGuardrails';
export * from './render/guardrails/renderValidatingAdmissionPolicyGuardrails';
export * from './render/guardrails/renderGatekeeperGuardrails';
export * from './render/renderVClusterProject';
export * from './render/renderVClusterRegistration';
export * from './render/vclusterArgoCluster';
export * from './render/renderVClusterKubeconfigReader';
export * from './render/vclusterNamePart';
export * from './render/platformProjects';
export * from './render/namespaceBundleFiles';
export * from './render/serializeManifests';
export * from './render/serializeBundle';
export * from './render/flux/renderFluxBootstrap';
export * from './render/flux/renderFluxTenantDelivery';
export * from './render/flux/checkFluxTenantSource';
export * from './render/flux/checkFluxTenantDelivery';
export * from './provisioning';
export * from './permissions';
export * from './tenancyVClusterKubeconfigReadPermission';
