const locks = new Map<string, Promise<unknown>>();

/**
 * Serialises work on one repository within this process: `fn` runs after
 * every earlier call with the same key has settled.
 */
export function withRepositoryLock<T>(
  key: string,
  fn: () => Promise<T>,
): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  locks.set(key, next);
  return next;
}
