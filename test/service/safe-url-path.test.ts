import { describe, expect, it } from 'vitest';
import { extensionOf, safePathSegments } from '../../main/service/safe-url-path';

describe('safePathSegments', () => {
  it('splits and decodes a normal path', () => {
    expect(safePathSegments('/Default/2026-11/a%20cat-01ABC.mp4')).toEqual([
      'Default',
      '2026-11',
      'a cat-01ABC.mp4',
    ]);
    expect(safePathSegments('/%D0%BA%D0%BE%D1%82.mp4')).toEqual(['кот.mp4']);
    expect(safePathSegments('/')).toEqual([]);
  });

  it('refuses parent and current directory segments, plain or encoded', () => {
    for (const path of [
      '/../etc/passwd',
      '/a/../../b.mp4',
      '/%2e%2e/secret.mp4',
      '/%2E%2E/secret.mp4',
      '/.%2e/secret.mp4',
      '/a/./b.mp4',
      '/%2e/b.mp4',
    ]) {
      expect(safePathSegments(path), path).toBeNull();
    }
  });

  it('refuses encoded separators, backslashes, NUL and control characters', () => {
    for (const path of [
      '/a%2fb.mp4',
      '/a%2Fb.mp4',
      '/..%2f..%2fetc%2fpasswd',
      '/a%5cb.mp4',
      '/..\\..\\windows\\win.ini',
      '/a%00.mp4',
      '/a\u0000.mp4',
      '/a%0a.mp4',
      '/a%7f.mp4',
    ]) {
      expect(safePathSegments(path), path).toBeNull();
    }
  });

  it('refuses absolute and drive paths, empty segments and Windows trailing-dot tricks', () => {
    for (const path of [
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/c%3a/x.mp4',
      '/a//b.mp4',
      '/a/',
      '/clip.mp4:stream',
      '/.../x.mp4',
      '/.. /x.mp4',
      '/x.mp4.',
      'relative/x.mp4',
      '',
    ]) {
      expect(safePathSegments(path), path).toBeNull();
    }
  });

  it('refuses malformed percent-encoding', () => {
    expect(safePathSegments('/%E0%A4%A.mp4')).toBeNull();
    expect(safePathSegments('/%zz.mp4')).toBeNull();
  });

  it('decodes only once, so a double-encoded dot-dot is just a strange file name', () => {
    expect(safePathSegments('/%252e%252e/x.mp4')).toEqual(['%2e%2e', 'x.mp4']);
  });
});

describe('extensionOf', () => {
  it('returns the lower-case extension or nothing', () => {
    expect(extensionOf('clip.MP4')).toBe('mp4');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});
