import {
  OBSERVABILITY_PLACEHOLDERS,
  ObservabilityPlaceholder,
} from './ObservabilityLinkTemplate';
import { placeholderPattern } from './placeholderPattern';

/**
 * Query parameter names (lower case, without `-`, `_`, `.`) that carry
 * credentials: equal to one of the first list or containing one of the second.
 */
const CREDENTIAL_NAMES = [
  'key',
  'auth',
  'sig',
  'pass',
  'pwd',
  'jwt',
  'session',
];
const CREDENTIAL_PARTS = [
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'password',
  'passwd',
  'secret',
  'signature',
  'credential',
  'authorization',
  'bearer',
];

function looksLikeCredential(name: string): boolean {
  const normalised = name.toLocaleLowerCase('en-US').replace(/[-_.]/g, '');
  return (
    CREDENTIAL_NAMES.includes(normalised) ||
    CREDENTIAL_PARTS.some(part => normalised.includes(part))
  );
}

/**
 * The parameter names of a query string or of a fragment written like one
 * (`#a=1`, or a route with a query of its own, `#/explore?a=1`).
 */
function parameterNames(search: string): string[] {
  return [...new URLSearchParams(search.replace(/^#?([^?=&]*\?)?/, '')).keys()];
}

/**
 * What is wrong with the URL of an observability link template: it must be
 * an absolute http(s) URL, use only the known placeholders, and carry no
 * credential (no `user:password@`, no query or fragment parameter named like
 * a token, key, password, secret, auth or signature). Empty when it is fine.
 */
export function checkLinkTemplateUrl(template: string): string[] {
  const problems: string[] = [];
  const unknown = [...template.matchAll(placeholderPattern())]
    .map(m => m[1])
    .filter(
      name =>
        !OBSERVABILITY_PLACEHOLDERS.includes(name as ObservabilityPlaceholder),
    );
  if (unknown.length) {
    problems.push(
      `uses the unknown placeholder ${unknown
        .map(n => `{${n}}`)
        .join(', ')}; the placeholders are ${OBSERVABILITY_PLACEHOLDERS.map(
        n => `{${n}}`,
      ).join(', ')}`,
    );
  }
  let url: URL;
  try {
    url = new URL(template.replace(placeholderPattern(), 'x'));
  } catch {
    return [...problems, 'must be an absolute http or https URL'];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(
      `must be an http or https URL, found the scheme "${url.protocol}"`,
    );
  }
  if (url.username || url.password) {
    problems.push(
      'must not carry a user name or password (user:password@): links never hold credentials',
    );
  }
  const credentials = [
    ...parameterNames(url.search),
    ...parameterNames(url.hash),
  ].filter(looksLikeCredential);
  if (credentials.length) {
    problems.push(
      `must not carry a credential: the parameter ${credentials
        .map(n => `"${n}"`)
        .join(
          ', ',
        )} looks like one (token, key, password, secret, auth, signature…); links never hold credentials`,
    );
  }
  return problems;
}
