// Reads what the library needs from an MP4 header (size, duration, whether there is video) by
// walking ISO-BMFF boxes. Only the top-level box headers and the `moov` box are read, so a 2 GB
// file whose `moov` sits after `mdat` costs a handful of small reads, not a scan.
import { type FileHandle, open } from 'node:fs/promises';
import { StudioError } from '../errors';
import { type Box, childBoxes, findChild, readBoxHeader } from './iso-bmff';

export interface Mp4Info {
  width: number | null;
  height: number | null;
  durationMs: number | null;
  hasVideo: boolean;
}

/** Real moov boxes are kilobytes to a few MB; anything bigger is garbage we will not load. */
const MOOV_MAX_BYTES = 64 * 1024 * 1024;
const TOP_LEVEL_MAX_BOXES = 10_000;

export async function probeMp4(path: string): Promise<Mp4Info> {
  return parseMoov(await readMoovOf(path));
}

/** The body of the file's `moov` box (bounded), or the reason the file is not a usable MP4. */
export async function readMoovOf(path: string): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new StudioError({
      kind: 'storage',
      userMessage: 'Could not open the video file.',
      detail: `probeMp4 open: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  try {
    return await readMoov(handle, path);
  } finally {
    await handle.close();
  }
}

async function readMoov(handle: FileHandle, path: string): Promise<Uint8Array> {
  const fileSize = (await handle.stat()).size;
  const header = Buffer.alloc(16);
  let offset = 0;
  for (let index = 0; offset < fileSize && index < TOP_LEVEL_MAX_BOXES; index++) {
    const { bytesRead } = await handle.read(header, 0, 16, offset);
    const box = readBoxHeader(header.subarray(0, bytesRead), 0, fileSize - offset);
    if (!box) break;
    if (index === 0 && box.type !== 'ftyp') throw notMp4(path, 'first box is not ftyp');
    // A box that runs past the end: the copy or download stopped early.
    if (offset + box.size > fileSize) throw damaged(path, `${box.type} box runs past the end of the file`);
    if (box.type === 'moov') {
      if (box.size > MOOV_MAX_BYTES) throw damaged(path, `moov of ${box.size} bytes`);
      const moov = Buffer.alloc(box.size - box.headerSize);
      await handle.read(moov, 0, moov.length, offset + box.headerSize);
      return moov;
    }
    offset += box.size;
  }
  if (offset === 0) throw notMp4(path, 'no box header');
  // ftyp without moov: an HEIF/AVIF image, or a recording that never got its index written.
  throw notMp4(path, 'no moov box');
}

function parseMoov(moov: Uint8Array): Mp4Info {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  const children = childBoxes(moov, 0, moov.length);
  const durationMs = movieDurationMs(view, findChild(children, 'mvhd'));
  for (const trak of children.filter((box) => box.type === 'trak')) {
    const trakChildren = childBoxes(moov, trak.bodyStart, trak.end);
    const mdia = findChild(trakChildren, 'mdia');
    const hdlr = mdia && findChild(childBoxes(moov, mdia.bodyStart, mdia.end), 'hdlr');
    // hdlr body: version+flags (4), pre_defined (4), handler_type (4)
    if (!hdlr || fourCC(moov, hdlr.bodyStart + 8) !== 'vide') continue;
    const size = trackSize(view, findChild(trakChildren, 'tkhd'));
    return { ...size, durationMs, hasVideo: true };
  }
  return { width: null, height: null, durationMs, hasVideo: false };
}

function movieDurationMs(view: DataView, mvhd: Box | undefined): number | null {
  if (!mvhd || mvhd.bodyStart + 4 > mvhd.end) return null;
  const version = view.getUint8(mvhd.bodyStart);
  // v0: created(4) modified(4) timescale(4) duration(4); v1: created(8) modified(8) timescale(4) duration(8)
  const timescaleAt = mvhd.bodyStart + (version === 1 ? 20 : 12);
  if (timescaleAt + (version === 1 ? 12 : 8) > mvhd.end) return null;
  const timescale = view.getUint32(timescaleAt);
  const duration =
    version === 1 ? Number(view.getBigUint64(timescaleAt + 4)) : view.getUint32(timescaleAt + 4);
  // All ones means "unknown" (e.g. fragmented files); 0 means the same in practice.
  const unknown = version === 1 ? duration >= Number.MAX_SAFE_INTEGER : duration === 0xffffffff;
  if (timescale === 0 || duration === 0 || unknown) return null;
  return Math.round((duration * 1000) / timescale);
}

function trackSize(view: DataView, tkhd: Box | undefined): { width: number | null; height: number | null } {
  if (!tkhd) return { width: null, height: null };
  const version = view.getUint8(tkhd.bodyStart);
  // width and height are the last 8 bytes of tkhd, 16.16 fixed point: v0 body 84 bytes, v1 96.
  const widthAt = tkhd.bodyStart + (version === 1 ? 88 : 76);
  if (widthAt + 8 > tkhd.end) return { width: null, height: null };
  const width = Math.round(view.getUint32(widthAt) / 65536);
  const height = Math.round(view.getUint32(widthAt + 4) / 65536);
  return { width: width || null, height: height || null };
}

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function notMp4(path: string, why: string): StudioError {
  return new StudioError({
    kind: 'invalid_request',
    userMessage: 'Not an MP4 video',
    detail: `${path}: ${why}`,
  });
}

function damaged(path: string, why: string): StudioError {
  return new StudioError({
    kind: 'invalid_request',
    userMessage: 'The MP4 video is damaged or incomplete',
    detail: `${path}: ${why}`,
  });
}
