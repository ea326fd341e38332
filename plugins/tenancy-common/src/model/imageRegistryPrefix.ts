/**
 * What an allowed-registry entry is (the Tenant's `spec.allowedRegistries`,
 * `tenancy.policy.guardrails.allowedRegistries`): a registry host, optionally
 * with a port, then zero or more path segments, ending with `/`, e.g.
 * `ghcr.io/acme-payments/` or `registry.acme.internal:5000/`. The trailing
 * slash keeps `ghcr.io/acme/` from also allowing `ghcr.io/acme-evil/`.
 * Images are compared as written in the Pod (`nginx` is not
 * `docker.io/library/nginx`).
 *
 * @public
 */
export const IMAGE_REGISTRY_PREFIX_PATTERN =
  '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?/([a-z0-9]+([._-][a-z0-9]+)*/)*$';

/**
 * Whether a string is an allowed-registry entry, see
 * {@link IMAGE_REGISTRY_PREFIX_PATTERN}.
 *
 * @public
 */
export function isImageRegistryPrefix(value: string): boolean {
  return (
    value.length <= 255 && new RegExp(IMAGE_REGISTRY_PREFIX_PATTERN).test(value)
  );
}
