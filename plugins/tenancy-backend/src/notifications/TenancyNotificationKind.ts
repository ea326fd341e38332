/** Every kind of notification the tenancy backend sends. */
export const tenancyNotificationKinds = [
  'requestOpened',
  'requestUpdated',
  'requestMerged',
  'requestClosed',
  'ready',
  'quotaWarning',
  'applicationDegraded',
  'costOverBudget',
  'sourceFailing',
  'drift',
  'policyFailures',
] as const;

/** A kind of notification; each can be switched off in config. */
export type TenancyNotificationKind = (typeof tenancyNotificationKinds)[number];
