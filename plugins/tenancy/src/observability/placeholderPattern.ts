/**
 * A `{name}` in a link template. Only a word in braces: the JSON and LogQL
 * selectors of a query URL (`{"queries":…}`, `{app="api"}`) are left alone.
 */
export const placeholderPattern = (): RegExp => /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;
