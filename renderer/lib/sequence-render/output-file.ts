// Where the rendered MP4 goes while it is made. In the page's private storage (OPFS) when the page
// has it: the encoder streams into a scratch file 16 MB at a time, so a long 1080p sequence never
// sits whole in memory (it did, twice: the encoder's buffer and the File made from it). Elsewhere
// (no OPFS, or it refuses) in memory as before; a scratch file that fails while written (its quota
// or the disk full) says so (writeFailed), and the render is made again in memory. The scratch file
// is removed once the upload has read it, or when the render fails or is cancelled; one left by a
// crash is removed by a later export.
import { BufferTarget, StreamTarget, type StreamTargetChunk, type Target } from 'mediabunny';

export interface OutputFile {
  target: Target;
  /** In memory the MP4 can put its index first; a stream cannot go back, so it goes last. */
  inMemory: boolean;
  /** The finished file, once the output is finalized. */
  finish(): Promise<Blob>;
  /** Removes the scratch file; safe to call twice, and after finish() once the file was read. */
  release(): Promise<void>;
  /** A write into the scratch file failed (not the encoder, not a cancel). */
  writeFailed(): boolean;
}

const PREFIX = 'sequence-export-';
/** A scratch file older than this is from an export that never finished (a crash or a closed tab). */
const STALE_MS = 24 * 3600 * 1000;

export async function openOutputFile(where: 'scratch-if-possible' | 'memory'): Promise<OutputFile> {
  const scratch = where === 'memory' ? null : await scratchFile().catch(() => null);
  if (scratch) return scratch;
  const target = new BufferTarget();
  return {
    target,
    inMemory: true,
    finish: async () => {
      if (!target.buffer) throw new Error('The encoder produced no file.');
      return new Blob([target.buffer], { type: 'video/mp4' });
    },
    release: async () => {},
    writeFailed: () => false,
  };
}

async function scratchFile(): Promise<OutputFile | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  const root = await navigator.storage.getDirectory();
  await removeStale(root);
  const name = `${PREFIX}${crypto.randomUUID()}.mp4`;
  const handle = await root.getFileHandle(name, { create: true });
  let writable: FileSystemWritableFileStream;
  try {
    writable = await handle.createWritable();
  } catch (error) {
    await root.removeEntry(name).catch(() => {});
    throw error;
  }
  let released = false;
  let closed = false;
  let failed = false;
  // Between mediabunny and the file, to know a failed write from any other failure.
  const tracked = new WritableStream<StreamTargetChunk>({
    write: (chunk) =>
      writable.write(chunk).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    close: async () => {
      await writable.close();
      closed = true;
    },
    abort: (reason) => writable.abort(reason),
  });
  return {
    target: new StreamTarget(tracked, { chunked: true }),
    inMemory: false,
    finish: () => handle.getFile(),
    writeFailed: () => failed,
    async release() {
      if (released) return;
      released = true;
      // Not closed (a failure or a cancel): drop what was written, then the entry itself.
      if (!closed) await writable.abort().catch(() => {});
      await root.removeEntry(name).catch(() => {});
    },
  };
}

async function removeStale(root: FileSystemDirectoryHandle): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: entries() is not in this TypeScript DOM lib yet
  const entries = (root as any).entries() as AsyncIterable<[string, FileSystemHandle]>;
  for await (const [name, entry] of entries) {
    if (!name.startsWith(PREFIX) || entry.kind !== 'file') continue;
    const file = await (entry as FileSystemFileHandle).getFile().catch(() => null);
    if (file && Date.now() - file.lastModified > STALE_MS) await root.removeEntry(name).catch(() => {});
  }
}
