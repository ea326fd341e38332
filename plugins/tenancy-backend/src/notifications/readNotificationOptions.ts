import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  COST_WINDOWS,
  CostWindow,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  TenancyNotificationKind,
  tenancyNotificationKinds,
} from './TenancyNotificationKind';

/** A tenant's cost budget over one cost window. */
export interface CostBudget {
  tenant: string;
  window: CostWindow;
  amount: number;
}

/** `tenancy.notifications`, read and checked. */
export interface NotificationOptions {
  /** The kinds switched off (`kinds.<kind>: false`). */
  off: ReadonlySet<TenancyNotificationKind>;
  /** The platform team's group entity ref, when configured. */
  platformGroup?: string;
  /** How long an application stays degraded before its owners hear of it. */
  degradedAfterMs: number;
  /** How long a source keeps failing before the platform team hears of it. */
  sourceFailingAfterMs: number;
  budgets: CostBudget[];
}

const prefix = 'tenancy.notifications';

function invalid(key: string, rule: string): Error {
  return new Error(`Invalid config at ${prefix}.${key}: ${rule}`);
}

function durationMs(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) return fallbackMs;
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw invalid(
      key,
      `must be a duration ({ minutes: 30 } or an ISO duration such as PT30M): ${
        (error as Error).message
      }`,
    );
  }
  if (!(ms > 0)) throw invalid(key, 'must be longer than zero');
  return ms;
}

function readKinds(config: Config): Set<TenancyNotificationKind> {
  const off = new Set<TenancyNotificationKind>();
  const kinds = config.getOptionalConfig('kinds');
  for (const kind of kinds?.keys() ?? []) {
    if (!(tenancyNotificationKinds as readonly string[]).includes(kind)) {
      throw invalid(
        `kinds.${kind}`,
        `is not a notification kind; the kinds are ${tenancyNotificationKinds.join(
          ', ',
        )}`,
      );
    }
    const value = kinds!.getOptional(kind);
    if (typeof value !== 'boolean') {
      throw invalid(`kinds.${kind}`, 'must be true or false');
    }
    if (!value) off.add(kind as TenancyNotificationKind);
  }
  return off;
}

function readPlatformGroup(config: Config): string | undefined {
  const ref = config.getOptionalString('platformGroup');
  if (ref === undefined) return undefined;
  let parsed;
  try {
    parsed = parseEntityRef(ref, { defaultKind: 'group' });
  } catch (error) {
    throw invalid('platformGroup', `must be an entity ref: ${error}`);
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw invalid(
      'platformGroup',
      `must be a group entity ref, e.g. group:default/platform-team, got ${ref}`,
    );
  }
  return stringifyEntityRef(parsed);
}

function readBudgets(config: Config): CostBudget[] {
  const seen = new Set<string>();
  return (config.getOptionalConfigArray('budgets') ?? []).map((budget, i) => {
    const at = (key: string) => `budgets[${i}].${key}`;
    const tenant = budget.getOptional('tenant');
    if (typeof tenant !== 'string' || tenant.length === 0) {
      throw invalid(at('tenant'), 'must be the name of a Tenant entity');
    }
    const window = budget.getOptional('window') ?? '30d';
    if (!(COST_WINDOWS as readonly unknown[]).includes(window)) {
      throw invalid(at('window'), `must be one of ${COST_WINDOWS.join(', ')}`);
    }
    const amount = budget.getOptional('amount');
    if (typeof amount !== 'number' || !(amount > 0)) {
      throw invalid(
        at('amount'),
        'must be a number above zero, in tenancy.cost.currency',
      );
    }
    const id = `${tenant}/${window}`;
    if (seen.has(id)) {
      throw invalid(
        at('window'),
        `tenant ${tenant} has a budget for ${window} already`,
      );
    }
    seen.add(id);
    return { tenant, window: window as CostWindow, amount };
  });
}

/**
 * Reads `tenancy.notifications`: `kinds.<kind>` (default true),
 * `platformGroup`, `degradedAfter` (default 30 minutes),
 * `sourceFailingAfter` (default 15 minutes) and `budgets`. A bad value stops
 * the plugin's start with an error naming the key and the rule.
 */
export function readNotificationOptions(root: Config): NotificationOptions {
  const config = root.getOptionalConfig(prefix);
  if (!config) {
    return {
      off: new Set(),
      degradedAfterMs: 30 * 60_000,
      sourceFailingAfterMs: 15 * 60_000,
      budgets: [],
    };
  }
  return {
    off: readKinds(config),
    platformGroup: readPlatformGroup(config),
    degradedAfterMs: durationMs(config, 'degradedAfter', 30 * 60_000),
    sourceFailingAfterMs: durationMs(config, 'sourceFailingAfter', 15 * 60_000),
    budgets: readBudgets(config),
  };
}
