import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffImage, validateReferenceImage } from '../../../main/core/media/image-sniff';
import { LIMITS } from '../../../shared/domain/params';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', name)));

/** A JPEG with an EXIF APP1 segment (orientation tag only) spliced in after SOI. */
function withExifOrientation(jpeg: Uint8Array, orientation: number, order: 'II' | 'MM'): Uint8Array {
  const little = order === 'II';
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write(order, 0, 'latin1');
  const u16 = (value: number, at: number) =>
    little ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at);
  const u32 = (value: number, at: number) =>
    little ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at);
  u16(42, 2);
  u32(8, 4); // IFD0 right after the header
  u16(1, 8); // one entry
  u16(0x0112, 10); // Orientation
  u16(3, 12); // SHORT
  u32(1, 14); // count
  u16(orientation, 18);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const body = Buffer.concat([Buffer.from(major), Buffer.alloc(4), ...compatible.map((b) => Buffer.from(b))]);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write('ftyp', 4);
  return Buffer.concat([header, body, Buffer.alloc(64)]);
}

describe('sniffImage', () => {
  it.each([
    ['images/photo-80x64.jpg', 'jpeg', 80, 64, false],
    ['images/still-80x64.png', 'png', 80, 64, false],
    ['images/animated-72x66.png', 'png', 72, 66, true],
    ['images/still-72x66.gif', 'gif', 72, 66, false],
    ['images/animated-72x66.gif', 'gif', 72, 66, true],
    ['images/lossy-90x70.webp', 'webp', 90, 70, false],
    ['images/lossless-91x71.webp', 'webp', 91, 71, false],
    ['images/animated-92x72.webp', 'webp', 92, 72, true],
    ['images/bitmap-66x65.bmp', 'bmp', 66, 65, false],
    ['images/scan-67x68.tiff', 'tiff', 67, 68, false],
  ] as const)('%s → %s %ix%i animated=%s', (name, format, width, height, animated) => {
    expect(sniffImage(fixture(name))).toMatchObject({ format, width, height, animated, complete: true });
  });

  it.each(['II', 'MM'] as const)('reads the EXIF orientation of a JPEG (%s byte order)', (order) => {
    const rotated = withExifOrientation(fixture('images/photo-80x64.jpg'), 6, order);
    expect(sniffImage(rotated)).toMatchObject({ format: 'jpeg', width: 80, height: 64, exifOrientation: 6 });
    expect(sniffImage(fixture('images/photo-80x64.jpg')).exifOrientation).toBeNull();
  });

  it.each([
    [ftyp('heic', 'mif1', 'heic'), 'heic'],
    [ftyp('mif1', 'mif1', 'heic'), 'heic'],
    [ftyp('avif', 'mif1', 'avif'), 'avif'],
    [ftyp('mif1', 'mif1', 'avif'), 'avif'],
    [new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    [fixture('media/clip-faststart.mp4'), 'unknown'],
    [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'unknown'],
  ] as const)('recognises %#: %s', (bytes, format) => {
    expect(sniffImage(bytes).format).toBe(format);
  });

  it('notices truncation by the missing end marker', () => {
    const png = fixture('images/still-80x64.png');
    const jpeg = fixture('images/photo-80x64.jpg');
    const gif = fixture('images/still-72x66.gif');
    const webp = fixture('images/lossy-90x70.webp');
    expect(sniffImage(png.subarray(0, png.length - 12)).complete).toBe(false); // IEND gone
    expect(sniffImage(jpeg.subarray(0, jpeg.length - 2)).complete).toBe(false); // EOI gone
    expect(sniffImage(jpeg.subarray(0, 400)).complete).toBe(false);
    expect(sniffImage(gif.subarray(0, gif.length - 1)).complete).toBe(false); // trailer gone
    expect(sniffImage(webp.subarray(0, webp.length - 100)).complete).toBe(false); // RIFF size says more
  });

  it('survives garbage after a valid signature without throwing', () => {
    for (const signature of [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('GIF89a')],
    ]) {
      for (let length = 0; length < 40; length++) {
        const bytes = Buffer.concat([Buffer.from(signature), Buffer.alloc(length, 0xff)]);
        expect(() => sniffImage(bytes)).not.toThrow();
      }
    }
  });
});

describe('validateReferenceImage', () => {
  it.each([
    'images/photo-80x64.jpg',
    'images/still-80x64.png',
    'images/lossy-90x70.webp',
    'images/lossless-91x71.webp',
  ])('accepts %s', (name) => {
    const check = validateReferenceImage(fixture(name));
    expect(check.ok).toBe(true);
  });

  function problem(bytes: Uint8Array) {
    const check = validateReferenceImage(bytes);
    if (check.ok) throw new Error('expected the image to be refused');
    return check;
  }

  it('empty file', () => {
    expect(problem(new Uint8Array())).toMatchObject({
      problem: 'empty',
      message: 'The image file is empty (0 bytes).',
    });
  });

  it('over 10 MB, even when the image itself is fine', () => {
    const png = fixture('images/still-80x64.png');
    const big = new Uint8Array(LIMITS.imageMaxBytes + 1);
    big.set(png);
    const check = problem(big);
    expect(check.problem).toBe('too_large');
    expect(check.message).toBe(
      'The image is 10.0 MB; the limit is 10 MB. Save a smaller copy and try again.',
    );
    // Exactly at the limit is allowed (bytes after IEND are ignored by decoders).
    expect(validateReferenceImage(big.subarray(0, LIMITS.imageMaxBytes)).ok).toBe(true);
  });

  it.each([
    ['images/still-72x66.gif', 'GIF images are not supported by Wan 2.5. Use a JPEG, PNG or WebP image.'],
    ['images/bitmap-66x65.bmp', 'BMP images are not supported by Wan 2.5. Use a JPEG, PNG or WebP image.'],
    ['images/scan-67x68.tiff', 'TIFF images are not supported by Wan 2.5. Use a JPEG, PNG or WebP image.'],
  ])('unsupported format %s is named', (name, message) => {
    expect(problem(fixture(name))).toMatchObject({ problem: 'unsupported', message });
  });

  it('HEIC, AVIF and PDF are named too; unknown bytes are not guessed at', () => {
    expect(problem(ftyp('heic', 'mif1')).message).toMatch(/^HEIC images are not supported/);
    expect(problem(ftyp('avif', 'mif1')).message).toMatch(/^AVIF images are not supported/);
    expect(problem(new TextEncoder().encode('%PDF-1.4 ...')).message).toMatch(
      /^PDF documents are not supported/,
    );
    expect(problem(new TextEncoder().encode('just text'))).toMatchObject({
      problem: 'unsupported',
      message: 'This file is not an image format we recognise. Use a JPEG, PNG or WebP image.',
    });
  });

  it.each([
    ['images/still-80x64.png', 12, 'PNG'],
    ['images/photo-80x64.jpg', 2, 'JPEG'],
    ['images/lossy-90x70.webp', 50, 'WebP'],
  ])('truncated %s', (name, cut, format) => {
    const bytes = fixture(name);
    expect(problem(bytes.subarray(0, bytes.length - cut))).toMatchObject({
      problem: 'truncated',
      message: `The ${format} file is incomplete: it ends before the image does (an unfinished download or copy?).`,
    });
  });

  it('animated PNG and WebP', () => {
    expect(problem(fixture('images/animated-72x66.png'))).toMatchObject({
      problem: 'animated',
      message: 'Animated PNG images are not supported. Use a still image.',
    });
    expect(problem(fixture('images/animated-92x72.webp')).message).toBe(
      'Animated WebP images are not supported. Use a still image.',
    );
  });

  it('too small, naming the size', () => {
    expect(problem(fixture('images/small-40x30.png'))).toMatchObject({
      problem: 'too_small',
      message: 'The image is too small: 40×30 pixels. It must be at least 64 pixels on each side.',
    });
  });
});
