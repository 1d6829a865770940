// The sandboxed preload: exposes exactly one object, `window.studio`, built from the contract (plus
// `files.send`, which hands main the paths of dropped or chosen files). No ipcRenderer, no generic
// send/on: the page can call contract methods and listen to contract events, and main checks the
// sender and the argument of every call anyway.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildStudioApi, type Invoke, type Subscribe } from '../shared/contract/build-api';
import type { Envelope } from '../shared/contract/contract';
import { EVENT_NAMES, type EventName, type StudioEvents } from '../shared/contract/contract';
import { EventHub } from '../shared/contract/event-hub';
import type { FileKind, FileRef, SendFiles, SentFile } from '../shared/contract/file-refs';
import {
  EVENT_CHANNEL,
  GRANT_FILES_CHANNEL,
  invokeChannel,
  SEND_BYTES_CHANNEL,
} from '../shared/contract/ipc-names';

const invoke: Invoke = (channel, argument) => ipcRenderer.invoke(invokeChannel(channel), argument);

// One IPC listener for all events, fanned out locally: a listener per subscription would pile up
// on the same channel and trip Node's max-listeners warning.
const hub = new EventHub();
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if ((EVENT_NAMES as readonly unknown[]).includes(name)) {
    hub.emit(name as EventName, payload as StudioEvents[EventName]);
  }
});
const subscribe: Subscribe = (event, listener) => hub.on(event, listener);

/** Kept in step with main/service/byte-transfers.ts (the preload bundles nothing from main). */
const CHUNK_BYTES = 8 * 1024 * 1024;

async function sendChunks(file: File, kind: FileKind, name: string): Promise<Envelope<FileRef>> {
  const call = (argument: object) =>
    ipcRenderer.invoke(SEND_BYTES_CHANNEL, argument) as Promise<Envelope<unknown>>;
  const begun = await call({ op: 'begin', name, kind, size: file.size });
  if (!begun.ok) return begun;
  const transfer = begun.value;
  for (let at = 0; at < file.size; at += CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(at, at + CHUNK_BYTES).arrayBuffer());
    const sent = await call({ op: 'chunk', transfer, bytes });
    if (!sent.ok) return sent;
  }
  return (await call({ op: 'end', transfer })) as Envelope<FileRef>;
}

/**
 * A file with no path (a rendered sequence, a video frame, a pasted image): its bytes, in chunks,
 * stored by main as an upload like the browser host's. Main checks the size for the file's kind.
 */
async function sendBytes(file: File, kind: FileKind): Promise<SentFile> {
  const name = file.name || 'pasted image';
  try {
    const stored = await sendChunks(file, kind, name);
    return stored.ok ? { name, ref: stored.value } : { name, error: stored.error.message, notOnDisk: true };
  } catch (error) {
    return { name, error: error instanceof Error ? error.message : String(error), notOnDisk: true };
  }
}

/**
 * Files on disk by path, never by bytes: only this preload can learn a dropped or chosen File's
 * path (webUtils), so main grants exactly those paths and refuses any other the page might name.
 */
const sendFiles: SendFiles = async (files, kind) => {
  const sent: SentFile[] = await Promise.all(
    files.map((file) => {
      const path = webUtils.getPathForFile(file);
      return path ? { name: file.name, ref: { via: 'path' as const, path } } : sendBytes(file, kind);
    }),
  );
  const paths = sent.flatMap((entry) => ('ref' in entry && entry.ref.via === 'path' ? [entry.ref.path] : []));
  if (paths.length === 0) return sent;
  const granted = (await ipcRenderer.invoke(GRANT_FILES_CHANNEL, paths)) as Envelope<void>;
  if (granted.ok) return sent;
  return sent.map((entry) => ('ref' in entry ? { name: entry.name, error: granted.error.message } : entry));
};

contextBridge.exposeInMainWorld(
  'studio',
  Object.freeze({ ...buildStudioApi(invoke, subscribe), files: Object.freeze({ send: sendFiles }) }),
);
