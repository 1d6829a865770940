// Writes a copy of an MP4 whose metadata carries a recipe: the same audio and video packets (a
// stream copy by mediabunny's muxer, no decoder), with the recipe's JSON in the `comment` tag
// (moov/udta/meta/ilst/©cmt, which ffprobe shows as `comment` and exiftool as `Comment`) and the
// prompt as the title. The source is only read: a library file stays byte-identical.
//
// The copy is written to a temp file in the target folder and linked into place only when it is
// complete, under a name nobody has: a full disk, a cancel or a crash leaves no half file and
// never replaces what was there.
import { type FileHandle, open, stat } from 'node:fs/promises';
import {
  ALL_FORMATS,
  Conversion,
  FilePathSource,
  Input,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  type StreamTargetChunk,
} from 'mediabunny';
import { StudioError } from '../errors';
import { probeMp4 } from './mp4-probe';
import { readMp4Comment } from './mp4-tags';

/** Above this the copy is written moov-last, so memory stays flat; below, moov-first (plays while loading). */
const IN_MEMORY_MAX_BYTES = 256 * 1024 * 1024;
const TITLE_MAX = 200;

export interface EmbedRecipeOptions {
  /** The recipe's JSON (the sidecar document). */
  recipe: string;
  /** Shown as the file's title by players and file managers. */
  title: string;
  signal?: AbortSignal;
  /** 0..1 as packets are copied. */
  onProgress?(fraction: number): void;
}

/** Writes `target` (which must not exist yet: the caller picks a free temp name) from `source`, then reads it back. */
export async function writeWithRecipe(
  source: string,
  target: string,
  options: EmbedRecipeOptions,
): Promise<void> {
  options.signal?.throwIfAborted();
  const size = (await stat(source)).size;
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  // Our own writes (not FilePathTarget): a failed write (a full disk) must fail the copy, and
  // mediabunny's file target was seen to end "successfully" with a truncated file on ENOSPC.
  const file = await open(target, 'wx', 0o644);
  const output = new Output({
    format: new Mp4OutputFormat({
      fastStart: size <= IN_MEMORY_MAX_BYTES ? 'in-memory' : false,
      metadataFormat: 'mdir',
    }),
    target: new StreamTarget(writerTo(file)),
  });
  try {
    const conversion = await Conversion.init({
      input,
      output,
      showWarnings: false,
      tags: { title: options.title.slice(0, TITLE_MAX), comment: options.recipe },
    });
    if (!conversion.isValid || conversion.discardedTracks.length > 0) {
      const reasons = conversion.discardedTracks.map((track) => track.reason).join(', ');
      throw new StudioError({
        kind: 'invalid_request',
        userMessage:
          'This video cannot be copied with its recipe (a track could not be carried over as it is).',
        detail: `discarded tracks: ${reasons || 'none'}; valid: ${conversion.isValid}`,
      });
    }
    if (options.onProgress) conversion.onProgress = (fraction) => options.onProgress?.(fraction);
    const cancel = () => void conversion.cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      await conversion.execute();
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
    options.signal?.throwIfAborted();
    await file.sync();
  } catch (error) {
    await output.cancel().catch(() => {});
    throw error;
  } finally {
    input.dispose();
    await file.close().catch(() => {});
  }
  await verifyCopy(target, options.recipe);
}

function writerTo(file: FileHandle): WritableStream<StreamTargetChunk> {
  return new WritableStream<StreamTargetChunk>({
    async write(chunk) {
      let written = 0;
      while (written < chunk.data.length) {
        const { bytesWritten } = await file.write(
          chunk.data,
          written,
          chunk.data.length - written,
          chunk.position + written,
        );
        written += bytesWritten;
      }
    },
  });
}

/** Reads the copy back: a whole MP4 (no box runs past its end) whose comment is the recipe. */
async function verifyCopy(path: string, recipe: string): Promise<void> {
  const info = await probeMp4(path);
  const comment = await readMp4Comment(path);
  if (!info.hasVideo || comment !== recipe) {
    throw new StudioError({
      kind: 'storage',
      userMessage: 'The exported copy did not read back as written. Nothing was kept; try again.',
      detail: `${path}: video ${info.hasVideo}, recipe ${comment === recipe ? 'ok' : 'differs'}`,
    });
  }
}
