import { Config } from '@backstage/config';

/**
 * Reads `tenancy.provisioning.slaMinutes`, the target from merge to ready
 * (default 10); anything but a positive number stops start-up with an error
 * naming the key.
 */
export function readSlaMinutes(config: Config): number {
  const key = 'tenancy.provisioning.slaMinutes';
  const value = config.getOptionalNumber(key) ?? 10;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `${key} must be a positive number of minutes, got ${value}`,
    );
  }
  return value;
}
