/** A cost in the configured currency, e.g. `$1,234.50` or `€12.00`. */
export function formatCost(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    // Not an ISO 4217 code: show the number with the configured label.
    return `${value.toFixed(2)} ${currency}`;
  }
}
