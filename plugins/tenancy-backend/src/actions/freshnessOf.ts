import { SourceError } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** The failed sources, staleness and time of an answer, for an agent. */
export function freshnessOf(answer: {
  errors: SourceError[];
  stale: boolean;
  generatedAt: string;
}) {
  return {
    errors: answer.errors.map(({ source, message }) => ({ source, message })),
    stale: answer.stale,
    generatedAt: answer.generatedAt,
  };
}
