/**
 * Utilisation (0..1) from which a quota bar turns to warning and to danger.
 *
 * @public
 */
export interface QuotaThresholds {
  warning: number;
  danger: number;
}

/** The defaults: warning from 80 % used, danger from 95 %. */
export const DEFAULT_QUOTA_THRESHOLDS: QuotaThresholds = {
  warning: 0.8,
  danger: 0.95,
};

/** How worrying a utilisation is under the thresholds. */
export function quotaLevel(
  utilisation: number | undefined,
  thresholds: QuotaThresholds,
): 'ok' | 'warning' | 'danger' | 'unknown' {
  if (utilisation === undefined || Number.isNaN(utilisation)) return 'unknown';
  if (utilisation >= thresholds.danger) return 'danger';
  if (utilisation >= thresholds.warning) return 'warning';
  return 'ok';
}
