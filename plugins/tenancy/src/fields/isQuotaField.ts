/** Whether a check problem is about the quota (its size, or one resource). */
export function isQuotaField(field: string): boolean {
  return field === 'size' || field === 'quota' || field.startsWith('quota.');
}
