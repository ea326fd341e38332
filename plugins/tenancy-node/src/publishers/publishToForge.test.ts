import {
  planFileActions,
  withFingerprint,
  readFingerprint,
} from './publishToForge';
import { aChange } from './__testUtils__/aChange';

describe('withFingerprint', () => {
  it('keeps the fingerprint when a body is cut to the forge limit', () => {
    const body = withFingerprint('x'.repeat(5000), 'abc123', 4000);
    expect(body.length).toBeLessThanOrEqual(4000);
    expect(body).toContain('x …');
    expect(readFingerprint(body)).toBe('abc123');
    expect(withFingerprint('short', 'abc123', 4000)).toBe(
      'short\n\n<!-- tenancy-fingerprint: abc123 -->',
    );
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
