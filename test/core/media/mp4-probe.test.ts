import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { probeMp4 } from '../../../main/core/media/mp4-probe';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'probe-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function probeError(path: string) {
  const error = await probeMp4(path).then(
    () => null,
    (e: unknown) => e,
  );
  if (!isStudioError(error)) throw new Error(`expected a StudioError, got ${String(error)}`);
  return error;
}

// --- tiny ISO-BMFF writer for headers ffmpeg will not produce (v1 boxes, 64-bit sizes) ---
function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}
function fullBox(type: string, version: number, body: Buffer): Buffer {
  return box(type, Buffer.from([version, 0, 0, 0]), body);
}
function mvhdV1(timescale: number, duration: bigint): Buffer {
  const body = Buffer.alloc(8 + 8 + 4 + 8 + 80);
  body.writeUInt32BE(timescale, 16);
  body.writeBigUInt64BE(duration, 20);
  return fullBox('mvhd', 1, body);
}
function tkhdV1(width: number, height: number): Buffer {
  const body = Buffer.alloc(92);
  body.writeUInt32BE(width * 65536, 84);
  body.writeUInt32BE(height * 65536, 88);
  return fullBox('tkhd', 1, body);
}
function trak(handler: string, width: number, height: number): Buffer {
  const hdlr = fullBox('hdlr', 0, Buffer.concat([Buffer.alloc(4), Buffer.from(handler), Buffer.alloc(13)]));
  return box('trak', tkhdV1(width, height), box('mdia', hdlr));
}
const FTYP = box('ftyp', Buffer.from('isom'), Buffer.alloc(4), Buffer.from('isomiso2mp41'));

describe('probeMp4 on ffmpeg-made clips', () => {
  it('reads a faststart clip (moov before mdat)', async () => {
    const info = await probeMp4(join(FIXTURES, 'media', 'clip-faststart.mp4'));
    expect(info).toEqual({ width: 64, height: 36, durationMs: 1000, hasVideo: true });
  });

  it('reads a clip whose moov comes after mdat', async () => {
    const path = join(FIXTURES, 'media', 'clip-moov-at-end.mp4');
    const bytes = await readFile(path);
    expect(bytes.indexOf('moov')).toBeGreaterThan(bytes.indexOf('mdat')); // the fixture is what it claims
    expect(await probeMp4(path)).toEqual({ width: 64, height: 36, durationMs: 1000, hasVideo: true });
  });

  it('reports an audio-only MP4 as having no video', async () => {
    const info = await probeMp4(join(FIXTURES, 'media', 'audio-only.m4a'));
    expect(info.hasVideo).toBe(false);
    expect(info.width).toBeNull();
    expect(info.durationMs).toBeGreaterThan(150);
    expect(info.durationMs).toBeLessThan(400);
  });

  it('calls a file cut off in the middle damaged', async () => {
    const bytes = await readFile(join(FIXTURES, 'media', 'clip-moov-at-end.mp4'));
    const path = join(dir, 'cut.mp4');
    await writeFile(path, bytes.subarray(0, 2000)); // inside mdat
    const error = await probeError(path);
    expect(error.kind).toBe('invalid_request');
    expect(error.userMessage).toBe('The MP4 video is damaged or incomplete');
  });
});

describe('probeMp4 on synthetic headers', () => {
  it('reads v1 mvhd/tkhd, skips a 64-bit 5 GB mdat without reading it, and picks the video track', async () => {
    const path = join(dir, 'big.mp4');
    const mdatSize = 5n * 1024n ** 3n;
    const mdatHeader = Buffer.alloc(16);
    mdatHeader.writeUInt32BE(1, 0); // size 1: the real size follows as 64 bits
    mdatHeader.write('mdat', 4, 'latin1');
    mdatHeader.writeBigUInt64BE(mdatSize, 8);
    const moov = box(
      'moov',
      mvhdV1(90_000, 90_000n * 7n + 45_000n),
      trak('soun', 0, 0),
      trak('vide', 1920, 1080),
    );
    const file = await open(path, 'w');
    await file.write(FTYP, 0, FTYP.length, 0);
    await file.write(mdatHeader, 0, 16, FTYP.length);
    // Sparse: nothing is written inside mdat, so the file takes no real disk space.
    await file.write(moov, 0, moov.length, FTYP.length + Number(mdatSize));
    await file.close();

    const started = performance.now();
    const info = await probeMp4(path);
    const elapsedMs = performance.now() - started;
    expect(info).toEqual({ width: 1920, height: 1080, durationMs: 7500, hasVideo: true });
    expect(elapsedMs).toBeLessThan(200); // reading 5 GB would take seconds
  });

  it('treats a missing/zero duration as unknown', async () => {
    const path = join(dir, 'fragmented.mp4');
    await writeFile(path, Buffer.concat([FTYP, box('moov', mvhdV1(1000, 0n), trak('vide', 64, 64))]));
    expect(await probeMp4(path)).toEqual({ width: 64, height: 64, durationMs: null, hasVideo: true });
  });

  it('refuses an HEIF-like file (ftyp but no moov)', async () => {
    const path = join(dir, 'image.heic');
    await writeFile(path, Buffer.concat([box('ftyp', Buffer.from('heic'), Buffer.alloc(4)), box('meta')]));
    expect((await probeError(path)).userMessage).toBe('Not an MP4 video');
  });
});

describe('probeMp4 on things that are not MP4', () => {
  it.each([
    ['random bytes', () => randomBytes(4096)],
    ['an empty file', () => Buffer.alloc(0)],
    ['text', () => Buffer.from('hello, this is not a video at all\n'.repeat(10))],
    ['a box stream without ftyp', () => box('moov', mvhdV1(1000, 1000n))],
  ])('%s → invalid_request "Not an MP4 video"', async (_name, make) => {
    const path = join(dir, 'input.mp4');
    await writeFile(path, make());
    const error = await probeError(path);
    expect(error.kind).toBe('invalid_request');
    expect(error.userMessage).toBe('Not an MP4 video');
  });

  it('a PNG renamed to .mp4 is not an MP4', async () => {
    const path = join(dir, 'photo.mp4');
    await copyFile(join(FIXTURES, 'images', 'still-80x64.png'), path);
    expect((await probeError(path)).userMessage).toBe('Not an MP4 video');
  });

  it('a missing file is a storage error, not "not an MP4"', async () => {
    expect((await probeError(join(dir, 'nope.mp4'))).kind).toBe('storage');
  });
});
