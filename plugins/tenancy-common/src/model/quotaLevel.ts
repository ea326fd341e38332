/**
 * Utilisation (0..1) from which a quota bar turns to warning and to danger.
 *
 * @public
 */
export interface QuotaThresholds {
  /** Utilisation from which a quota is a warning. */
  warning: number;
  /** Utilisation from which a quota is a danger. */
  danger: number;
}

/**
 * The defaults: warning from 80 % used, danger from 95 %. The frontend's
 * quota bars start from them, and the backend's quota notifications use
 * them.
 *
 * @public
 */
export const DEFAULT_QUOTA_THRESHOLDS: QuotaThresholds = {
  warning: 0.8,
  danger: 0.95,
};

/**
 * How worrying a utilisation is under the thresholds.
 *
 * @public
 */
export function quotaLevel(
  utilisation: number | undefined,
  thresholds: QuotaThresholds,
): 'ok' | 'warning' | 'danger' | 'unknown' {
  if (utilisation === undefined || Number.isNaN(utilisation)) return 'unknown';
  if (utilisation >= thresholds.danger) return 'danger';
  if (utilisation >= thresholds.warning) return 'warning';
  return 'ok';
}
