import { SimulatedWorld } from './SimulatedWorld';

/** Wraps a world reader so it runs at most once every `maxAgeMs`. */
export function cachedWorld(
  read: () => SimulatedWorld,
  maxAgeMs: number,
): () => SimulatedWorld {
  let world: SimulatedWorld | undefined;
  let readAt = 0;
  return () => {
    if (!world || Date.now() - readAt > maxAgeMs) {
      world = read();
      readAt = Date.now();
    }
    return world;
  };
}
