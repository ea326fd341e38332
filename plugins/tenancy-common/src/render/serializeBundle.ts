import { serializeManifests } from './serializeManifests';

/**
 * A rendered bundle (path to objects) as files (path to YAML text).
 *
 * @public
 */
export function serializeBundle(
  bundle: Record<string, unknown[]>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(bundle).map(([path, objects]) => [
      path,
      serializeManifests(objects),
    ]),
  );
}
