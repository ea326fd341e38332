import type { ObservabilityPlaceholder } from './ObservabilityLinkTemplate';
import { placeholderPattern } from './placeholderPattern';

/**
 * Fills a checked link template: every `{placeholder}` becomes its value,
 * percent-encoded (so a value is one path segment or one query value, never
 * more). Undefined when a placeholder has no value: no link rather than a
 * broken one.
 */
export function fillLinkTemplate(
  template: string,
  values: Partial<Record<ObservabilityPlaceholder, string>>,
): string | undefined {
  let missing = false;
  const url = template.replace(placeholderPattern(), (_, name: string) => {
    const value = values[name as ObservabilityPlaceholder]?.trim();
    if (!value) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing ? undefined : url;
}
