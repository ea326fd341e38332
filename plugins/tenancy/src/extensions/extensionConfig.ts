import { z } from 'zod/v4';
import type { QuotaThresholds } from '../components/shared/quotaLevel';

/** Options the extensions share, as zod fields of their config schemas. */
export const extensionConfig = {
  /** Card and page options for the quota bar colours. */
  thresholdsSchema: {
    warningThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.8)
      .describe('Utilisation (0..1) from which a quota bar is a warning'),
    dangerThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.95)
      .describe('Utilisation (0..1) from which a quota bar is a danger'),
  },
  /** The template "Request a namespace" opens. */
  templateRefSchema: {
    templateRef: z
      .string()
      .default('template:default/new-namespace')
      .describe('The template "Request a namespace" opens, pre-filled'),
  },
  /** The thresholds a component takes, from the extension's config. */
  thresholdsOf(config: {
    warningThreshold: number;
    dangerThreshold: number;
  }): QuotaThresholds {
    return { warning: config.warningThreshold, danger: config.dangerThreshold };
  },
};
