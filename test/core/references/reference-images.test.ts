// Every kind of image a person can drop, judged by content and kept in the library: what is
// refused (and the exact reason), what is offered a conversion, and what a conversion produces.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { sniffImage } from '../../../main/core/media/image-sniff';
import { anyAddress } from '../../../main/core/net/address-policy';
import { ReferenceImages } from '../../../main/core/references/reference-images';
import { sha256FromReferencePath } from '../../../shared/domain/reference-paths';
import {
  fixtureImage,
  halvesPng,
  heicHeader,
  noisePng,
  PDF_BYTES,
  regionColour,
  sidewaysJpeg,
  tinyPng,
} from '../../helpers/images';
import { type TestLibrary, tempLibrary } from '../library/library-fixture';

let lib: TestLibrary;
let images: ReferenceImages;

beforeEach(() => {
  lib = tempLibrary();
  images = new ReferenceImages(
    () => lib.store,
    () => lib.clock.now(),
  );
});
afterEach(() => lib.cleanup());

const read = (relPath: string | null) => readFileSync(join(lib.root, ...(relPath ?? '').split('/')));

describe('ReferenceImages.inspectBytes', () => {
  it('keeps a good PNG as it is, once per distinct content, named by its SHA-256', async () => {
    const png = fixtureImage('still-80x64.png');
    const first = await images.inspectBytes('still.png', png);
    expect(first).toMatchObject({ status: 'ready', format: 'png', width: 80, height: 64, bytes: png.length });
    expect(first.relPath).toMatch(/^references\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);
    expect(sha256FromReferencePath(first.relPath)).toBe(first.sha256);
    expect(read(first.relPath).equals(png)).toBe(true);
    const again = await images.inspectBytes('copy of still.png', png);
    expect(again.relPath).toBe(first.relPath);
    expect(
      readdirSync(join(lib.root, 'references'), { recursive: true }).filter((f) =>
        String(f).endsWith('.png'),
      ),
    ).toHaveLength(1);
    // The first name stays.
    expect(lib.store.getReferenceImage(first.sha256 ?? '')?.name).toBe('still.png');
  });

  it.each([
    ['a zero-byte file', 'empty.png', () => Buffer.alloc(0), 'empty', /empty \(0 bytes\)/],
    [
      'a truncated PNG',
      'cut.png',
      () => fixtureImage('still-80x64.png').subarray(0, 120),
      'truncated',
      /PNG file is incomplete/,
    ],
    [
      'a .jpg that is really a PDF',
      'holiday.jpg',
      () => PDF_BYTES,
      'unsupported',
      /PDF document, not an image\. "holiday\.jpg" is named like a JPEG image, but its contents are a PDF document/,
    ],
    ['a 1×1 image', 'pixel.png', () => null, 'too_small', /too small: 1×1 pixels/],
    [
      'a HEIC photo',
      'IMG_0001.HEIC',
      () => heicHeader(),
      'unsupported',
      /HEIC photos cannot be used or converted/,
    ],
  ])('refuses %s, keeps nothing, and says why', async (_name, file, make, problem, message) => {
    const bytes = make() ?? (await tinyPng(1, 1));
    const inspection = await images.inspectBytes(file, bytes);
    expect(inspection).toMatchObject({ status: 'refused', problem, sha256: null, relPath: null });
    expect(inspection.message).toMatch(message);
    expect(existsSync(join(lib.root, 'references'))).toBe(false);
  });

  it('offers to convert a 40 MB PNG, then makes a JPEG under 10 MB with the same proportions', async () => {
    const png = await noisePng(3700, 3700);
    expect(png.length).toBeGreaterThan(40_000_000);
    const offered = await images.inspectBytes('scan.png', png);
    expect(offered).toMatchObject({
      status: 'needs_conversion',
      problem: 'too_large',
      width: 3700,
      height: 3700,
    });
    expect(offered.message).toMatch(/APIXO accepts at most 10 MB\. Convert it to a JPEG under 10 MB/);
    const converted = await images.convert(offered.sha256 ?? '');
    expect(converted).toMatchObject({
      status: 'ready',
      format: 'jpeg',
      convertedFrom: { sha256: offered.sha256, format: 'png' },
    });
    expect(converted.bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(converted.width).toBe(converted.height); // square stays square
    // The original stays in the library next to the copy.
    expect(read(offered.relPath).length).toBe(png.length);
    expect(sniffImage(read(converted.relPath))).toMatchObject({ format: 'jpeg', complete: true });
  }, 60_000);

  it.each([
    ['an animated GIF', 'animated-72x66.gif', 'gif', 72, 66],
    ['an animated WebP', 'animated-92x72.webp', 'webp', 92, 72],
    ['an animated PNG', 'animated-72x66.png', 'png', 72, 66],
  ])('offers %s as a still of its first frame', async (_name, file, format, width, height) => {
    const offered = await images.inspectBytes(file, fixtureImage(file));
    expect(offered).toMatchObject({
      status: 'needs_conversion',
      problem: 'animated',
      format,
      animated: true,
    });
    expect(offered.message).toMatch(/animated .* the first frame would be used/);
    const still = await images.convert(offered.sha256 ?? '');
    expect(still).toMatchObject({ status: 'ready', format: 'jpeg', animated: false, width, height });
  });

  it.each([
    ['BMP', 'bitmap-66x65.bmp', 66, 65],
    ['TIFF', 'scan-67x68.tiff', 67, 68],
    ['still GIF', 'still-72x66.gif', 72, 66],
  ])('offers a %s as JPEG and converts it', async (name, file, width, height) => {
    const offered = await images.inspectBytes(file, fixtureImage(file));
    expect(offered.status).toBe('needs_conversion');
    expect(offered.message).toContain(`not ${name.replace('still ', '')}`);
    const converted = await images.convert(offered.sha256 ?? '');
    expect(converted).toMatchObject({ status: 'ready', format: 'jpeg', width, height });
  });

  it('honours the EXIF orientation: a sideways JPEG becomes an upright copy without asking', async () => {
    const sideways = await sidewaysJpeg();
    expect(sniffImage(sideways)).toMatchObject({ width: 120, height: 80, exifOrientation: 6 });
    const inspection = await images.inspectBytes('phone.jpg', sideways);
    expect(inspection).toMatchObject({
      status: 'ready',
      format: 'jpeg',
      width: 80,
      height: 120,
      problem: 'sideways',
    });
    expect(inspection.message).toMatch(/orientation tag/);
    expect(inspection.convertedFrom?.format).toBe('jpeg');
    const upright = read(inspection.relPath);
    expect(sniffImage(upright)).toMatchObject({ width: 80, height: 120, exifOrientation: null });
    // Orientation 6 turns the stored image 90° clockwise: its left (red) half ends up on top.
    const top = await regionColour(upright, { left: 20, top: 5, width: 40, height: 40 });
    const bottom = await regionColour(upright, { left: 20, top: 75, width: 40, height: 40 });
    expect(top.r).toBeGreaterThan(150);
    expect(top.b).toBeLessThan(80);
    expect(bottom.b).toBeGreaterThan(150);
    expect(bottom.r).toBeLessThan(80);
  });

  it('flattens transparency onto white when converting', async () => {
    const clear = await sharp({
      create: { width: 80, height: 80, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .gif()
      .toBuffer();
    const offered = await images.inspectBytes('clear.gif', clear);
    const converted = await images.convert(offered.sha256 ?? '');
    const colour = await regionColour(read(converted.relPath), { left: 10, top: 10, width: 20, height: 20 });
    expect(colour.r).toBeGreaterThan(240);
  });

  it('refuses to convert what needs no conversion', async () => {
    const ready = await images.inspectBytes('still.png', fixtureImage('still-80x64.png'));
    await expect(images.convert(ready.sha256 ?? '')).rejects.toMatchObject({
      kind: 'invalid_image',
      userMessage: expect.stringMatching(/needs no conversion/),
    });
  });
});

describe('ReferenceImages.inspectUrl', () => {
  it('turns a data: URL into a stored image that needs hosting (no public link)', async () => {
    const png = await halvesPng();
    const inspection = await images.inspectUrl(
      `data:image/png;base64,${png.toString('base64')}`,
      anyAddress,
      'any',
    );
    expect(inspection).toMatchObject({
      status: 'ready',
      format: 'png',
      width: 120,
      height: 80,
      sourceUrl: null,
    });
    expect(read(inspection.relPath).equals(png)).toBe(true);
  });

  it('refuses a malformed data: URL with a reason', async () => {
    const error = await images
      .inspectUrl('data:image/png;base64,@@@', anyAddress, 'any')
      .catch((e: unknown) => e);
    expect(isStudioError(error) && error.userMessage).toMatch(/base64 data has invalid characters/);
  });

  it('judges a data: URL by its bytes, not its declared type', async () => {
    const inspection = await images.inspectUrl(
      `data:image/jpeg;base64,${PDF_BYTES.toString('base64')}`,
      anyAddress,
      'any',
    );
    expect(inspection).toMatchObject({ status: 'refused', problem: 'unsupported' });
  });
});
