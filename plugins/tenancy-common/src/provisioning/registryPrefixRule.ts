import { isImageRegistryPrefix } from '../model/imageRegistryPrefix';
import type { ValidationProblem } from '../policy/ValidationProblem';
import { problem } from '../policy/rules/problem';

/**
 * An image registry a tenant asks to pull from (an entry of the Tenant's
 * `spec.allowedRegistries`): a registry host with an optional port and path,
 * ending with `/` (`ghcr.io/acme-payments/`). The common mistakes get their
 * own rule, so the message says what to write instead: `no-scheme`
 * (`https://…`), `no-wildcard` (`*`, `?`: an entry already allows everything
 * under it), `no-tag` (`:1.2`, `@sha256:…`), `lowercase`, `trailing-slash`;
 * anything else that is not an entry is `registry-prefix`.
 *
 * @public
 */
export function registryPrefixRule(
  value: string,
  field: string,
): ValidationProblem[] {
  const wrong = (rule: string, why: string) => [
    problem(
      field,
      rule,
      `${field} "${value}" ${why}; write a registry host with an optional path, ending with "/", e.g. ghcr.io/acme-payments/`,
    ),
  ];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return wrong('no-scheme', 'has a scheme: images name no scheme');
  }
  if (/[*?]/.test(value)) {
    return wrong(
      'no-wildcard',
      'has a wildcard: an entry allows every image under it, wildcards are not supported',
    );
  }
  const firstSlash = value.indexOf('/');
  if (
    value.includes('@') ||
    (firstSlash !== -1 && value.slice(firstSlash).includes(':'))
  ) {
    return wrong(
      'no-tag',
      'names a tag or digest: an entry is a registry or repository prefix, every tag under it is allowed',
    );
  }
  if (value !== value.toLowerCase()) {
    return wrong('lowercase', 'has upper-case letters');
  }
  if (
    value !== '' &&
    !value.endsWith('/') &&
    isImageRegistryPrefix(`${value}/`)
  ) {
    return wrong(
      'trailing-slash',
      'does not end with "/": without it ghcr.io/acme would also allow ghcr.io/acme-evil/',
    );
  }
  if (!isImageRegistryPrefix(value)) {
    return wrong(
      'registry-prefix',
      'is not a registry prefix (at most 255 characters of host, optional port and path segments)',
    );
  }
  return [];
}
