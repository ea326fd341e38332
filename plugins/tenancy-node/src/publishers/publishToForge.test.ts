import {
  planFileActions,
  withMarkers,
  readFingerprint,
  readRequestedBy,
} from './publishToForge';
import { aChange } from './__testUtils__/aChange';

describe('withMarkers', () => {
  it('keeps the fingerprint and who asked when a body is cut to the forge limit', () => {
    const markers = {
      fingerprint: 'abc123',
      requestedBy: 'user:default/guest',
    };
    const body = withMarkers('x'.repeat(5000), markers, 4000);
    expect(body.length).toBeLessThanOrEqual(4000);
    expect(body).toContain('x …');
    expect(readFingerprint(body)).toBe('abc123');
    expect(readRequestedBy(body)).toBe('user:default/guest');
    expect(withMarkers('short', { fingerprint: 'abc123' }, 4000)).toBe(
      'short\n\n<!-- tenancy-fingerprint: abc123 -->',
    );
    expect(readRequestedBy('short')).toBeUndefined();
  });

  it('refuses a requester that could end the hidden comment', () => {
    expect(() =>
      withMarkers('b', { fingerprint: 'f', requestedBy: 'user:x --> <b>' }),
    ).toThrow(/requestedBy "user:x --> <b>" must be an entity ref/);
  });
});

describe('planFileActions', () => {
  it('creates new files, updates existing ones and deletes what is under deleted folders', () => {
    const change = aChange({
      files: { 'a/new.yaml': 'n', 'a/old.yaml': 'o2', 'b/keep.yaml': 'k' },
      deletions: ['b'],
    });
    expect(
      planFileActions(change, ['a/old.yaml', 'b/keep.yaml', 'b/gone.yaml']),
    ).toEqual([
      { action: 'delete', path: 'b/gone.yaml' },
      { action: 'create', path: 'a/new.yaml', content: 'n' },
      { action: 'update', path: 'a/old.yaml', content: 'o2' },
      { action: 'update', path: 'b/keep.yaml', content: 'k' },
    ]);
  });
});
