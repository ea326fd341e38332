/**
 * Argo CD's `fields` projection: keeps only the listed `items.<path>` keys
 * of each item, as the API server's HTTP forwarder does.
 */
export function project(item: any, paths: string[]): any {
  const out: any = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source = item;
    for (const key of keys) source = source?.[key];
    if (source === undefined) continue;
    let target = out;
    keys.slice(0, -1).forEach(key => {
      target[key] ??= {};
      target = target[key];
    });
    target[keys[keys.length - 1]] = source;
  }
  return out;
}
