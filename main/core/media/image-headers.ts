// Per-format header readers. Each one walks only structure (segments, chunks, blocks), never pixel
// data, and reports whether the file reaches its end marker, which is how a half-copied or
// half-downloaded image is told apart from a whole one.
import { childBoxes, findChild, readBoxHeader } from './iso-bmff';
import { orientationFrom, readIfd0, TIFF_TAG } from './tiff-tags';

export interface HeaderInfo {
  width: number | null;
  height: number | null;
  animated: boolean;
  exifOrientation: number | null;
  /** False when the bytes stop before the format's end marker (or declared size). */
  complete: boolean;
}

const EMPTY: HeaderInfo = {
  width: null,
  height: null,
  animated: false,
  exifOrientation: null,
  complete: false,
};

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

// SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export function readJpeg(bytes: Uint8Array): HeaderInfo {
  const data = view(bytes);
  const info = { ...EMPTY };
  let at = 2;
  while (at + 2 <= bytes.length) {
    if (bytes[at] !== 0xff) break;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte before a marker
      continue;
    }
    at += 2;
    if (marker === 0xd9) return { ...info, complete: true };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length field
    if (at + 2 > bytes.length) break;
    const length = data.getUint16(at);
    const segmentEnd = at + length;
    if (length < 2) break;
    if (isStartOfFrame(marker) && at + 7 <= bytes.length && info.width === null) {
      info.height = data.getUint16(at + 3);
      info.width = data.getUint16(at + 5);
    } else if (marker === 0xe1 && ascii(bytes, at + 2, 6) === 'Exif\0\0' && info.exifOrientation === null) {
      const tiff = bytes.subarray(at + 8, Math.min(segmentEnd, bytes.length));
      info.exifOrientation = orientationFrom(readIfd0(tiff));
    } else if (marker === 0xda) {
      // Entropy-coded data follows; byte stuffing keeps FF D9 out of it, so the last FF D9 after
      // the scan header is the end of the image (trailing vendor data after it is allowed).
      return { ...info, complete: lastIndexOfPair(bytes, 0xff, 0xd9) >= segmentEnd };
    }
    at = segmentEnd;
  }
  return info;
}

function lastIndexOfPair(bytes: Uint8Array, first: number, second: number): number {
  for (let index = bytes.length - 2; index >= 0; index--) {
    if (bytes[index] === first && bytes[index + 1] === second) return index;
  }
  return -1;
}

export function readPng(bytes: Uint8Array): HeaderInfo {
  const data = view(bytes);
  const info = { ...EMPTY };
  if (bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR') {
    info.width = data.getUint32(16);
    info.height = data.getUint32(20);
  }
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = data.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (at + 12 + length > bytes.length) break; // chunk runs past the end: truncated
    // APNG: an acTL chunk announcing more than one frame.
    if (type === 'acTL' && length >= 4 && data.getUint32(at + 8) > 1) info.animated = true;
    if (type === 'IEND') return { ...info, complete: true };
    at += 12 + length;
  }
  return info;
}

export function readGif(bytes: Uint8Array): HeaderInfo {
  const data = view(bytes);
  const info = { ...EMPTY };
  if (bytes.length < 13) return info;
  info.width = data.getUint16(6, true);
  info.height = data.getUint16(8, true);
  let at = 13 + colorTableSize(bytes[10] ?? 0);
  let frames = 0;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) return { ...info, animated: frames > 1, complete: true };
    if (block === 0x2c) {
      frames++;
      if (at + 10 > bytes.length) break;
      at += 10 + colorTableSize(bytes[at + 9] ?? 0) + 1; // descriptor, local table, LZW code size
    } else if (block === 0x21) {
      at += 2; // introducer and label
    } else {
      break; // not a GIF block: damaged
    }
    at = skipSubBlocks(bytes, at);
    if (at < 0) break;
  }
  return { ...info, animated: frames > 1 };
}

function colorTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

/** Returns the offset after the terminating zero-length block, or -1 if the data ends first. */
function skipSubBlocks(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length) {
    const size = bytes[at] ?? 0;
    at += 1;
    if (size === 0) return at;
    at += size;
  }
  return -1;
}

export function readWebp(bytes: Uint8Array): HeaderInfo {
  const data = view(bytes);
  const info = { ...EMPTY };
  if (bytes.length < 30) return info;
  info.complete = data.getUint32(4, true) + 8 <= bytes.length;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    info.width = data.getUint16(26, true) & 0x3fff;
    info.height = data.getUint16(28, true) & 0x3fff;
  } else if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    const bits = data.getUint32(21, true);
    info.width = (bits & 0x3fff) + 1;
    info.height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X') {
    info.animated = ((bytes[20] ?? 0) & 0x02) !== 0 || hasRiffChunk(bytes, 'ANIM');
    info.width = readUint24le(bytes, 24) + 1;
    info.height = readUint24le(bytes, 27) + 1;
  }
  return info;
}

function readUint24le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

function hasRiffChunk(bytes: Uint8Array, type: string): boolean {
  const data = view(bytes);
  let at = 12;
  while (at + 8 <= bytes.length) {
    if (ascii(bytes, at, 4) === type) return true;
    const size = data.getUint32(at + 4, true);
    at += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return false;
}

export function readBmp(bytes: Uint8Array): HeaderInfo {
  const data = view(bytes);
  const info = { ...EMPTY };
  if (bytes.length < 26) return info;
  const declaredSize = data.getUint32(2, true);
  const dibSize = data.getUint32(14, true);
  if (dibSize === 12) {
    // OS/2 BITMAPCOREHEADER: 16-bit sizes
    info.width = data.getUint16(18, true);
    info.height = data.getUint16(20, true);
  } else {
    info.width = Math.abs(data.getInt32(18, true));
    info.height = Math.abs(data.getInt32(22, true)); // negative height = top-down rows
  }
  info.complete = declaredSize === 0 || declaredSize <= bytes.length;
  return info;
}

export function readTiff(bytes: Uint8Array): HeaderInfo {
  const tags = readIfd0(bytes);
  return {
    width: tags.get(TIFF_TAG.imageWidth) ?? null,
    height: tags.get(TIFF_TAG.imageLength) ?? null,
    animated: false,
    exifOrientation: orientationFrom(tags),
    // Strips can live anywhere in a TIFF; checking them all is not worth it for a format we refuse.
    complete: true,
  };
}

export type HeifBrand = 'heic' | 'avif' | null;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** HEIF family images are ISO-BMFF files whose ftyp names an image brand (not a video one). */
export function heifBrand(bytes: Uint8Array): HeifBrand {
  const ftyp = readBoxHeader(bytes, 0, bytes.length);
  if (ftyp?.type !== 'ftyp' || ftyp.size < 16) return null;
  const end = Math.min(ftyp.end, bytes.length);
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(ascii(bytes, at, 4));
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEIC_BRANDS.has(major) && major !== 'mif1' && major !== 'msf1') return 'heic';
  if (compatible.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (HEIC_BRANDS.has(major) || compatible.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  return null;
}

/** HEIF keeps the size in meta → iprp → ipco → ispe; good enough to name the image in a message. */
export function readHeif(bytes: Uint8Array): HeaderInfo {
  const info = { ...EMPTY, complete: true };
  const top = childBoxes(bytes, 0, bytes.length);
  const meta = findChild(top, 'meta');
  // meta is a full box: 4 bytes of version and flags before its children.
  const iprp = meta && findChild(childBoxes(bytes, meta.bodyStart + 4, meta.end), 'iprp');
  const ipco = iprp && findChild(childBoxes(bytes, iprp.bodyStart, iprp.end), 'ipco');
  const ispe = ipco && findChild(childBoxes(bytes, ipco.bodyStart, ipco.end), 'ispe');
  if (ispe && ispe.bodyStart + 12 <= ispe.end) {
    info.width = view(bytes).getUint32(ispe.bodyStart + 4);
    info.height = view(bytes).getUint32(ispe.bodyStart + 8);
  }
  return info;
}
