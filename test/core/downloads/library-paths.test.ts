import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generationVideoPaths,
  libraryFilePaths,
  monthFolder,
  slugify,
} from '../../../main/core/downloads/library-paths';

// Mid-month so the local time zone cannot move it into another month.
const MARCH_15 = new Date(2025, 2, 15, 12, 0, 0).getTime();

describe('slugify', () => {
  it.each([
    ['A Red Fox, running through SNOW!', 'a-red-fox-running-through-snow'],
    ['Café crème — über déjà vu', 'cafe-creme-uber-deja-vu'],
    ['  ../../etc/passwd  ', 'etc-passwd'],
    ['日本語だけ', ''],
    ['CON', 'con-'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('keeps at most 40 characters and cuts at a word boundary', () => {
    const slug = slugify('a lone astronaut walking across the red dunes of mars at sunset');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('a-lone-astronaut-walking-across-the-red');
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(40));
  });
});

describe('generationVideoPaths', () => {
  it('builds <project>/<yyyy-mm>/<slug>-<id>.mp4 with a .part sibling', () => {
    const paths = generationVideoPaths({
      root: '/lib',
      projectName: 'Client: Acme Ads',
      prompt: 'A paper boat on a rainy street',
      generationId: '01JABCDEF',
      createdAt: MARCH_15,
    });
    expect(paths.relPath).toBe('client-acme-ads/2025-03/a-paper-boat-on-a-rainy-street-01JABCDEF.mp4');
    expect(paths.partRelPath).toBe(`${paths.relPath}.part`);
    expect(paths.absPath).toBe(
      join('/lib', 'client-acme-ads', '2025-03', 'a-paper-boat-on-a-rainy-street-01JABCDEF.mp4'),
    );
    expect(paths.partAbsPath).toBe(`${paths.absPath}.part`);
  });

  it("uses 'unsorted' without a project and 'video' for a prompt with no ASCII", () => {
    const paths = generationVideoPaths({
      root: '/lib',
      projectName: null,
      prompt: '夕焼けの海',
      generationId: 'G1',
      createdAt: MARCH_15,
    });
    expect(paths.relPath).toBe('unsorted/2025-03/video-G1.mp4');
  });

  it('refuses an id that could leave the folder', () => {
    expect(() =>
      generationVideoPaths({ root: '/lib', prompt: 'p', generationId: '../x', createdAt: MARCH_15 }),
    ).toThrow(/not path-safe/);
  });

  it('libraryFilePaths turns a stored relative path back into absolute ones', () => {
    expect(libraryFilePaths('/lib', 'a/b/c.mp4')).toEqual({
      relPath: 'a/b/c.mp4',
      partRelPath: 'a/b/c.mp4.part',
      absPath: join('/lib', 'a', 'b', 'c.mp4'),
      partAbsPath: join('/lib', 'a', 'b', 'c.mp4.part'),
    });
    expect(monthFolder(new Date(2024, 11, 31, 12).getTime())).toBe('2024-12');
  });
});
