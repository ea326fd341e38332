import { sourceHasFailed } from './sourceHasFailed';

describe('sourceHasFailed', () => {
  const success = '2026-01-01T10:00:00.000Z';
  const later = '2026-01-01T10:05:00.000Z';

  it('says a source failed when its last error is newer than its last success', () => {
    expect(
      sourceHasFailed({ lastSuccessAt: success, lastErrorAt: later }),
    ).toBe(true);
    expect(sourceHasFailed({ lastErrorAt: later })).toBe(true);
  });

  it('says a source is fine when it succeeded since its last error, or never failed', () => {
    expect(
      sourceHasFailed({ lastSuccessAt: later, lastErrorAt: success }),
    ).toBe(false);
    expect(sourceHasFailed({ lastSuccessAt: success })).toBe(false);
    expect(sourceHasFailed({})).toBe(false);
    expect(sourceHasFailed(undefined)).toBe(false);
  });
});
