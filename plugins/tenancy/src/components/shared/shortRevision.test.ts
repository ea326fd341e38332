import { shortRevision } from './shortRevision';

describe('shortRevision', () => {
  it.each([
    ['0123456789abcdef0123456789abcdef01234567', '0123456'],
    ['main@sha1:0123456789abcdef0123456789abcdef01234567', 'main@0123456'],
    [`v1.2.0@sha256:${'ab12'.repeat(16)}`, 'v1.2.0@ab12ab1'],
    [`sha256:${'ab12'.repeat(16)}`, 'sha256:ab12ab1'],
    ['1.4.0', '1.4.0'],
    ['HEAD', 'HEAD'],
  ])('%s as %s', (revision, short) => {
    expect(shortRevision(revision)).toBe(short);
  });
});
