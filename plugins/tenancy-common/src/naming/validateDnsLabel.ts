const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Checks a Kubernetes DNS-1123 label (namespace names, label-safe names):
 * at most 63 characters, lower-case alphanumerics and '-', starting and
 * ending with an alphanumeric.
 *
 * @returns a message naming the field and the rule, or undefined when valid.
 * @public
 */
export function validateDnsLabel(
  value: string,
  field: string,
): string | undefined {
  if (value.length === 0) {
    return `${field} must not be empty`;
  }
  if (value.length > 63) {
    return `${field} "${value}" is ${value.length} characters long; a DNS-1123 label has at most 63`;
  }
  if (!DNS_1123_LABEL.test(value)) {
    return `${field} "${value}" must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit`;
  }
  return undefined;
}
