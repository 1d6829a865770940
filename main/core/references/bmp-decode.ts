// BMP is the one common format libvips (and so sharp's prebuilt binaries) cannot read. The
// uncompressed variants that Paint, screenshots and scanners write are simple enough to decode
// here: 8-bit palette, 24-bit and 32-bit (plain or with bit-field masks). RLE-compressed and
// embedded-PNG/JPEG bitmaps are refused with a message instead.

export interface RawImage {
  width: number;
  height: number;
  /** RGBA, rows top to bottom. */
  pixels: Uint8Array;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const MAX_PIXELS = 100_000_000;

function maskShift(mask: number): { shift: number; scale: number } {
  if (mask === 0) return { shift: 0, scale: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return { shift, scale: 255 / max };
}

export function decodeBmp(bytes: Uint8Array): RawImage | null {
  if (bytes.length < 54 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return null;
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = data.getUint32(10, true);
  const dibSize = data.getUint32(14, true);
  if (dibSize < 40) return null; // OS/2 core headers: too rare to carry code for
  const width = data.getInt32(18, true);
  const rawHeight = data.getInt32(22, true);
  const bitCount = data.getUint16(28, true);
  const compression = data.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height === 0 || width * height > MAX_PIXELS) return null;

  let masks: [number, number, number, number] | null = null;
  if (compression === BI_BITFIELDS && bitCount === 32) {
    const at = dibSize >= 52 ? 54 : 14 + dibSize; // V2+ headers hold the masks; v1 puts them after
    if (at + 12 > bytes.length) return null;
    const alpha = dibSize >= 56 ? data.getUint32(66, true) : 0;
    masks = [data.getUint32(at, true), data.getUint32(at + 4, true), data.getUint32(at + 8, true), alpha];
  } else if (compression !== BI_RGB || ![8, 24, 32].includes(bitCount)) {
    return null;
  }

  let palette: Uint8Array | null = null;
  if (bitCount === 8) {
    const colours = data.getUint32(46, true) || 256;
    const start = 14 + dibSize;
    if (start + colours * 4 > bytes.length) return null;
    palette = bytes.subarray(start, start + colours * 4);
  }

  const rowBytes = Math.ceil((bitCount * width) / 32) * 4;
  if (pixelOffset + rowBytes * height > bytes.length) return null;
  const fields = masks?.map(maskShift);
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const source = pixelOffset + (topDown ? row : height - 1 - row) * rowBytes;
    for (let x = 0; x < width; x++) {
      const out = (row * width + x) * 4;
      if (palette) {
        const index = (bytes[source + x] ?? 0) * 4;
        pixels[out] = palette[index + 2] ?? 0;
        pixels[out + 1] = palette[index + 1] ?? 0;
        pixels[out + 2] = palette[index] ?? 0;
        pixels[out + 3] = 255;
      } else if (masks && fields) {
        const value = data.getUint32(source + x * 4, true);
        for (let channel = 0; channel < 3; channel++) {
          const field = fields[channel] ?? { shift: 0, scale: 0 };
          pixels[out + channel] = Math.round(
            (((value & (masks[channel] ?? 0)) >>> 0) >>> field.shift) * field.scale,
          );
        }
        const alpha = fields[3];
        pixels[out + 3] =
          masks[3] && alpha ? Math.round((((value & masks[3]) >>> 0) >>> alpha.shift) * alpha.scale) : 255;
      } else {
        const step = bitCount / 8;
        const at = source + x * step;
        pixels[out] = bytes[at + 2] ?? 0;
        pixels[out + 1] = bytes[at + 1] ?? 0;
        pixels[out + 2] = bytes[at] ?? 0;
        // 32-bit BI_RGB leaves the fourth byte undefined; most writers put 0 there, so ignore it.
        pixels[out + 3] = 255;
      }
    }
  }
  return { width, height, pixels };
}
