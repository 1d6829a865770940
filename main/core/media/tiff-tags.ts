// Reads scalar tags of the first IFD of a TIFF structure: a TIFF file itself, or the EXIF block
// inside a JPEG's APP1 segment (which is a TIFF structure too).

export const TIFF_TAG = {
  imageWidth: 0x0100,
  imageLength: 0x0101,
  orientation: 0x0112,
} as const;

const SHORT = 3;
const LONG = 4;

/** Tag → value for SHORT and LONG tags with a single value; other tags are ignored. */
export function readIfd0(tiff: Uint8Array): Map<number, number> {
  const tags = new Map<number, number>();
  if (tiff.length < 8) return tags;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return tags;
  const little = order === 'II';
  if (view.getUint16(2, little) !== 42) return tags;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return tags;
  const count = view.getUint16(ifd, little);
  for (let index = 0; index < count; index++) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.length) break;
    const tag = view.getUint16(entry, little);
    const type = view.getUint16(entry + 2, little);
    const valueCount = view.getUint32(entry + 4, little);
    if (valueCount !== 1) continue;
    // A single SHORT or LONG sits inline in the 4-byte value field, left-aligned.
    if (type === SHORT) tags.set(tag, view.getUint16(entry + 8, little));
    else if (type === LONG) tags.set(tag, view.getUint32(entry + 8, little));
  }
  return tags;
}

/** EXIF orientation 1–8, or null when absent or out of range. */
export function orientationFrom(tags: Map<number, number>): number | null {
  const value = tags.get(TIFF_TAG.orientation);
  return value !== undefined && value >= 1 && value <= 8 ? value : null;
}
