// Where a video lives inside the library folder. Names come from the prompt and our own ids, never
// from a URL, so a result link cannot choose (or escape) the path it is saved to.
import { join } from 'node:path';

export const SLUG_MAX = 40;
const UNSORTED = 'unsorted';

// Windows refuses these as file or folder names whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** Lowercase ASCII words joined by '-', at most `max` characters, cut at a word boundary when possible. */
export function slugify(text: string, max = SLUG_MAX): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents dropped after NFKD split them off: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii;
  if (slug.length > max) {
    const cut = slug.slice(0, max + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = lastDash > max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max);
    slug = slug.replace(/-+$/, '');
  }
  return WINDOWS_RESERVED.test(slug) ? `${slug}-` : slug;
}

/** `yyyy-mm` of a Unix-ms time in the user's time zone (folders follow the calendar they see). */
export function monthFolder(timeMs: number): string {
  const date = new Date(timeMs);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export interface LibraryFilePaths {
  /** Relative to the library root, forward slashes: what the database stores. */
  relPath: string;
  partRelPath: string;
  absPath: string;
  partAbsPath: string;
}

/** Absolute paths for a path relative to the root, plus its `.part` sibling. */
export function libraryFilePaths(root: string, relPath: string): LibraryFilePaths {
  const partRelPath = `${relPath}.part`;
  return {
    relPath,
    partRelPath,
    absPath: join(root, ...relPath.split('/')),
    partAbsPath: join(root, ...partRelPath.split('/')),
  };
}

/** `<root>/<project or 'unsorted'>/<yyyy-mm>/<prompt-slug>-<generationId>.mp4` */
export function generationVideoPaths(input: {
  root: string;
  projectName?: string | null;
  prompt: string;
  generationId: string;
  createdAt: number;
}): LibraryFilePaths {
  if (!/^[A-Za-z0-9_-]+$/.test(input.generationId)) {
    // Our ids never contain anything else; refusing keeps the path inside the project folder.
    throw new Error(`generation id is not path-safe: ${JSON.stringify(input.generationId)}`);
  }
  const project = (input.projectName && slugify(input.projectName)) || UNSORTED;
  const name = slugify(input.prompt) || 'video';
  const relPath = `${project}/${monthFolder(input.createdAt)}/${name}-${input.generationId}.mp4`;
  return libraryFilePaths(input.root, relPath);
}
