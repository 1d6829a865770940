// Builds the real preload bundle (as `vite build --mode preload` does) and runs it the way a
// sandboxed renderer would: a CommonJS script whose `require` knows only 'electron'. Electron's two
// preload APIs are stood in for here because there is no Electron binary; what is under test is
// our bundle: what it requires, what it exposes, and which IPC channels it uses.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type StudioApi } from '../../shared/contract/contract';
import type { StudioFiles } from '../../shared/contract/file-refs';
import {
  EVENT_CHANNEL,
  GRANT_FILES_CHANNEL,
  INVOKE_PREFIX,
  SEND_BYTES_CHANNEL,
} from '../../shared/contract/ipc-names';

let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'wan-preload-'));
  await build({ configFile: 'vite.config.ts', mode: 'preload', logLevel: 'silent', build: { outDir } });
  code = await readFile(join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

type RendererListener = (event: object, ...args: unknown[]) => void;

const UPLOAD_ID = 'a'.repeat(32);
const TRANSFER_ID = 'b'.repeat(32);

function runPreload(options: { refuseBytes?: boolean } = {}) {
  const exposed: { key: string; api: unknown }[] = [];
  const invoked: { channel: string; argument: unknown }[] = [];
  const listeners = new Map<string, RendererListener[]>();
  // webUtils.getPathForFile: a dropped file knows its path; a pasted image or a page-made File has none.
  const paths = new WeakMap<object, string>();
  const electron = {
    webUtils: { getPathForFile: (file: object) => paths.get(file) ?? '' },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, argument: unknown) => {
        invoked.push({ channel, argument });
        if (channel === SEND_BYTES_CHANNEL) {
          const op = (argument as { op: string }).op;
          if (options.refuseBytes)
            return {
              ok: false,
              error: { kind: 'validation', message: 'size: is larger than a file of its kind may be' },
            };
          if (op === 'begin') return { ok: true, value: TRANSFER_ID };
          if (op === 'chunk') return { ok: true, value: undefined };
          return { ok: true, value: { via: 'upload', id: UPLOAD_ID } };
        }
        return { ok: true, value: `answer from ${channel}` };
      },
      on: (channel: string, listener: RendererListener) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
    },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
  return { exposed, invoked, listeners, required, paths };
}

describe('the built preload', () => {
  it('requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(runPreload().required).toEqual(['electron']);
  });

  it('exposes exactly one object, window.studio, with the contract, on() and files', () => {
    const { exposed } = runPreload();
    expect(exposed.map((entry) => entry.key)).toEqual(['studio']);
    const api = exposed[0]?.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [...new Set(channelNames().map((c) => c.split('.')[0])), 'on', 'files'].sort(),
    );
    expect(Object.keys(api.files as object)).toEqual(['send']);
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it("invokes 'studio:<channel>' and unwraps the envelope", async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed[0]?.api as StudioApi;
    expect(await api.app.info()).toBe('answer from studio:app.info');
    await api.library.setRating({ id: 'g1', rating: 4 });
    expect(invoked).toEqual([
      { channel: `${INVOKE_PREFIX}app.info`, argument: undefined },
      { channel: `${INVOKE_PREFIX}library.setRating`, argument: { id: 'g1', rating: 4 } },
    ]);
  });

  it('listens on one IPC channel and delivers each event only to its own listeners', () => {
    const { exposed, listeners } = runPreload();
    const api = exposed[0]?.api as StudioApi;
    expect([...listeners.keys()]).toEqual([EVENT_CHANNEL]);
    const received: unknown[] = [];
    const stop = api.on('library.changed', (payload) => received.push(payload));
    api.on('network.status', () => received.push('wrong listener'));
    const deliver = (name: unknown, payload: unknown) => {
      for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener({}, name, payload);
    };
    deliver('library.changed', { reason: 'import' });
    deliver('not.an.event', { reason: 'x' });
    stop();
    deliver('library.changed', { reason: 'trash' });
    expect(received).toEqual([{ reason: 'import' }]);
    // Many subscriptions still share the single IPC listener.
    for (let index = 0; index < 20; index++) api.on('generation.updated', () => {});
    expect(listeners.get(EVENT_CHANNEL)).toHaveLength(1);
  });

  it('files.send hands main the paths of files on disk (a grant), and the bytes only of a file made in the page', async () => {
    const { exposed, invoked, paths } = runPreload();
    const api = exposed[0]?.api as { files: StudioFiles };
    const dropped = new File(['not sent'], 'clip.mp4');
    paths.set(dropped, '/home/me/clip.mp4');
    const rendered = new File(['a rendered sequence'], 'Harbour.mp4');
    const sent = await api.files.send([dropped, rendered], 'video');
    expect(sent).toEqual([
      { name: 'clip.mp4', ref: { via: 'path', path: '/home/me/clip.mp4' } },
      { name: 'Harbour.mp4', ref: { via: 'upload', id: UPLOAD_ID } },
    ]);
    expect(invoked.map((call) => call.channel)).toEqual([
      SEND_BYTES_CHANNEL,
      SEND_BYTES_CHANNEL,
      SEND_BYTES_CHANNEL,
      GRANT_FILES_CHANNEL,
    ]);
    const [begin, chunk, end] = invoked.map((call) => call.argument) as Record<string, unknown>[];
    expect(begin).toEqual({ op: 'begin', name: 'Harbour.mp4', kind: 'video', size: 19 });
    expect({ ...chunk, bytes: new TextDecoder().decode(chunk?.bytes as Uint8Array) }).toEqual({
      op: 'chunk',
      transfer: TRANSFER_ID,
      bytes: 'a rendered sequence',
    });
    expect(end).toEqual({ op: 'end', transfer: TRANSFER_ID });
    expect(invoked[3]?.argument).toEqual(['/home/me/clip.mp4']);
  });

  it('files.send says why main refused a page-made file, so the caller can fall back', async () => {
    const { exposed } = runPreload({ refuseBytes: true });
    const api = exposed[0]?.api as { files: StudioFiles };
    const sent = await api.files.send([new File(['pixels'], '')], 'image');
    expect(sent).toEqual([
      {
        name: 'pasted image',
        error: 'size: is larger than a file of its kind may be',
        notOnDisk: true,
      },
    ]);
  });
});
