/**
 * Whether a check problem is about the quota field: the size, one quota
 * resource, or the container limits the quota brings.
 */
export function isQuotaField(field: string): boolean {
  return (
    field === 'size' ||
    field === 'quota' ||
    field.startsWith('quota.') ||
    field.startsWith('limits.')
  );
}
