// Where an imported video's recipe is: a sidecar next to it (`clip.mp4.json`, or `clip.json`), or
// the recipe a Wan Studio export carries in its metadata. Both are untrusted: a sidecar is read
// only when small, and each is parsed with the sidecar schema; a recipe that fails says why (the
// import result lists it) and the video is imported as a plain video.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import {
  readSidecarText,
  SIDECAR_MAX_BYTES,
  type Sidecar,
  sidecarNameOf,
} from '../../../shared/domain/sidecar';
import { readMp4Comment } from '../media/mp4-tags';
import type { RecipeSource } from './types';

export interface RecipeSearch {
  recipe: { sidecar: Sidecar; source: RecipeSource } | null;
  /** Recipes found but not trusted, with the reason. */
  ignored: string[];
}

/** The sidecar files a video may have next to it, most specific first. */
export function sidecarCandidates(videoPath: string): string[] {
  const dir = dirname(videoPath);
  const file = basename(videoPath);
  return [join(dir, sidecarNameOf(file)), join(dir, `${basename(file, extname(file))}.json`)];
}

export async function findRecipe(
  videoPath: string,
  options: { sidecars?: boolean } = {},
): Promise<RecipeSearch> {
  const ignored: string[] = [];
  if (options.sidecars !== false) {
    for (const candidate of sidecarCandidates(videoPath)) {
      const info = await stat(candidate).catch(() => null);
      if (!info?.isFile()) continue;
      if (info.size > SIDECAR_MAX_BYTES) {
        ignored.push(`${basename(candidate)}: the recipe is too large to be ours.`);
        continue;
      }
      const reading = readSidecarText(await readFile(candidate, 'utf8'));
      if (reading.ok) return { recipe: { sidecar: reading.sidecar, source: 'sidecar' }, ignored };
      ignored.push(`${basename(candidate)}: ${reading.reason}`);
    }
  }
  const comment = await readMp4Comment(videoPath).catch(() => null);
  if (comment?.trimStart().startsWith('{')) {
    const reading = readSidecarText(comment);
    if (reading.ok) return { recipe: { sidecar: reading.sidecar, source: 'embedded' }, ignored };
    ignored.push(`embedded recipe: ${reading.reason}`);
  }
  return { recipe: null, ignored };
}
