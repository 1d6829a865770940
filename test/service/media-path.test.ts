import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, resolveLibraryFile } from '../../main/service/media-path';

describe('resolveLibraryFile (real files)', () => {
  let base: string;
  let library: string;
  let outside: string;

  beforeAll(async () => {
    base = await realpath(await mkdtemp(join(tmpdir(), 'wan-media-path-')));
    library = join(base, 'library');
    outside = join(base, 'outside');
    await mkdir(join(library, 'Default', '2026-11'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(library, 'Default', '2026-11', 'cat-01.mp4'), Buffer.alloc(2048, 1));
    await writeFile(join(library, 'Default', '2026-11', 'cat-01.jpg'), Buffer.alloc(10, 2));
    await writeFile(join(library, 'notes.txt'), 'not media');
    await writeFile(join(outside, 'secret.mp4'), 'secret');
    await writeFile(join(outside, 'id_rsa'), 'key');
    // A link inside the library pointing out of it, and one pointing at a non-media file.
    await symlink(join(outside, 'secret.mp4'), join(library, 'escape.mp4'));
    await symlink(outside, join(library, 'outside-dir'));
    await symlink(join(outside, 'id_rsa'), join(library, 'key.jpg'));
    await symlink(join(library, 'Default', '2026-11', 'cat-01.mp4'), join(library, 'alias.mp4'));
    await mkdir(join(library, 'folder.mp4'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves a media file inside the library with its type and size', async () => {
    const result = await resolveLibraryFile(library, '/Default/2026-11/cat-01.mp4');
    expect(result).toEqual({
      ok: true,
      path: join(library, 'Default', '2026-11', 'cat-01.mp4'),
      size: 2048,
      contentType: 'video/mp4',
    });
    const poster = await resolveLibraryFile(library, '/Default/2026-11/cat-01.jpg');
    expect(poster.ok && poster.contentType).toBe('image/jpeg');
  });

  it('follows a symlink that stays inside the library', async () => {
    const result = await resolveLibraryFile(library, '/alias.mp4');
    expect(result.ok && result.path).toBe(join(library, 'Default', '2026-11', 'cat-01.mp4'));
  });

  it('refuses symlinks that escape the library', async () => {
    expect(await resolveLibraryFile(library, '/escape.mp4')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveLibraryFile(library, '/outside-dir/secret.mp4')).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await resolveLibraryFile(library, '/key.jpg')).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses traversal in every spelling before touching the disk', async () => {
    for (const path of [
      '/../outside/secret.mp4',
      '/%2e%2e/outside/secret.mp4',
      '/..%2foutside%2fsecret.mp4',
      '/..%5coutside%5csecret.mp4',
      `/${encodeURIComponent(join(outside, 'secret.mp4'))}`,
      '//outside/secret.mp4',
      '/Default/2026-11/cat-01.mp4%00.txt',
    ]) {
      expect(await resolveLibraryFile(library, path), path).toMatchObject({ ok: false, status: 400 });
    }
  });

  it('refuses files that are not media, and reports missing ones', async () => {
    expect(await resolveLibraryFile(library, '/notes.txt')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveLibraryFile(library, '/Default')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveLibraryFile(library, '/missing.mp4')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveLibraryFile(library, '/folder.mp4')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveLibraryFile(library, '/')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveLibraryFile(join(base, 'no-library'), '/x.mp4')).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

describe('isInside', () => {
  it('is true only for paths strictly below the root', () => {
    expect(isInside('/lib', '/lib/a.mp4')).toBe(true);
    expect(isInside('/lib', '/lib/..file.mp4')).toBe(true);
    expect(isInside('/lib', '/lib')).toBe(false);
    expect(isInside('/lib', '/library/a.mp4')).toBe(false);
    expect(isInside('/lib', '/etc/passwd')).toBe(false);
  });
});
