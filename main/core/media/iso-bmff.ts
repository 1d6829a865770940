// ISO base media file format (MP4, HEIF, AVIF) box headers: size, four-character type, and where
// the body is. Shared by the MP4 probe and the image sniffer.

export interface Box {
  type: string;
  /** Whole box, header included. */
  size: number;
  headerSize: number;
  start: number;
  bodyStart: number;
  end: number;
}

/**
 * Reads the box header at `at`. `available` is how many bytes the enclosing space has from `at`
 * (size 0 means "to the end"). Null when the bytes are not a plausible box header.
 */
export function readBoxHeader(bytes: Uint8Array, at: number, available: number): Box | null {
  if (at + 8 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size = view.getUint32(at);
  const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  // Real types are printable ASCII (© appears in QuickTime metadata, so allow Latin-1 too).
  if (!/^[\x20-\x7e\xa9]{4}$/.test(type)) return null;
  let headerSize = 8;
  if (size === 1) {
    if (at + 16 > bytes.length) return null;
    size = Number(view.getBigUint64(at + 8));
    headerSize = 16;
  } else if (size === 0) {
    size = available;
  }
  if (size < headerSize) return null;
  return { type, size, headerSize, start: at, bodyStart: at + headerSize, end: at + size };
}

/** The boxes directly inside [start, end); stops at the first malformed or overflowing header. */
export function childBoxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    const box = readBoxHeader(bytes, at, end - at);
    if (!box || box.end > end) break;
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

export function findChild(boxes: Box[], type: string): Box | undefined {
  return boxes.find((box) => box.type === type);
}
