// Reads the iTunes-style `comment` tag (moov/udta/meta/ilst/©cmt/data) of an MP4, where a Wan
// Studio export carries its recipe. The file is untrusted: only the bounded moov box is read, the
// walk follows box sizes that stay inside their parent, and the text is capped.
import { type Box, childBoxes, findChild } from './iso-bmff';
import { readMoovOf } from './mp4-probe';

/** What the comment may hold at most (a recipe is a few KB). */
export const MAX_COMMENT_BYTES = 256 * 1024;
const UTF8_TYPE = 1;

/** The comment's text; null when there is none (or it is not UTF-8 text, or too long). */
export async function readMp4Comment(path: string): Promise<string | null> {
  return commentOf(await readMoovOf(path));
}

export function commentOf(moov: Uint8Array): string | null {
  const udta = findChild(childBoxes(moov, 0, moov.length), 'udta');
  const meta = udta && findChild(childBoxes(moov, udta.bodyStart, udta.end), 'meta');
  if (!meta) return null;
  const ilst = findChild(metaChildren(moov, meta), 'ilst');
  const item = ilst && findChild(childBoxes(moov, ilst.bodyStart, ilst.end), '\xa9cmt');
  const data = item && findChild(childBoxes(moov, item.bodyStart, item.end), 'data');
  // data body: type indicator (4), locale (4), then the value.
  if (!data || data.end - data.bodyStart < 8) return null;
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  if (view.getUint32(data.bodyStart) !== UTF8_TYPE) return null;
  const value = moov.subarray(data.bodyStart + 8, data.end);
  if (value.length > MAX_COMMENT_BYTES) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    return null;
  }
}

/** ISO `meta` is a full box (4 bytes of version and flags first); QuickTime's is not. Both occur. */
function metaChildren(bytes: Uint8Array, meta: Box): Box[] {
  const asFullBox = childBoxes(bytes, meta.bodyStart + 4, meta.end);
  return asFullBox.length > 0 ? asFullBox : childBoxes(bytes, meta.bodyStart, meta.end);
}
