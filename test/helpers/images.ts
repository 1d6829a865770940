// Test images made on the fly (nothing large is committed): real encoders (sharp/libvips) write
// them, so every one is a genuine file of its format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

export const IMAGE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'images');

export function fixtureImage(name: string): Buffer {
  return readFileSync(join(IMAGE_FIXTURES, name));
}

/** A still PNG of two colour halves (left red, right blue), so orientation is visible in pixels. */
export async function halvesPng(width = 120, height = 80): Promise<Buffer> {
  return halves(width, height).png().toBuffer();
}

function halves(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      if (x < width / 2) pixels[at] = 220;
      else pixels[at + 2] = 220;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A JPEG whose pixels are stored landscape with an EXIF tag saying "rotate 90° clockwise to view". */
export async function sidewaysJpeg(): Promise<Buffer> {
  return halves(120, 80).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** A PNG of noise: it cannot compress, so its size is about width × height × 3 bytes. */
export async function noisePng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  // xorshift32: 40 MB of incompressible bytes fast, and the same every run.
  let state = 2463534242;
  for (let index = 0; index < pixels.length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    pixels[index] = state & 0xff;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export async function tinyPng(width = 1, height = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
}

export async function solidJpeg(width: number, height: number, colour = '#3070c0'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/** The average colour of a region, to check what ended up where. */
export async function regionColour(
  image: Uint8Array,
  region: { left: number; top: number; width: number; height: number },
): Promise<{ r: number; g: number; b: number }> {
  // Decoded (EXIF orientation not applied, like any viewer reading raw pixels), then averaged.
  const { data, info } = await sharp(image)
    .extract(region)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let at = 0; at < data.length; at += info.channels) {
    for (let channel = 0; channel < 3; channel++)
      sums[channel] = (sums[channel] ?? 0) + (data[at + channel] ?? 0);
  }
  const pixels = data.length / info.channels;
  const [r, g, b] = sums.map((sum) => Math.round(sum / pixels));
  return { r: r ?? 0, g: g ?? 0, b: b ?? 0 };
}

export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** The first bytes of an iPhone HEIC: an ftyp box with the heic brand. */
export function heicHeader(): Buffer {
  const body = Buffer.concat([Buffer.from('heic'), Buffer.alloc(4), Buffer.from('mif1heic')]);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write('ftyp', 4);
  return Buffer.concat([header, body, Buffer.alloc(200)]);
}
