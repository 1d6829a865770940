// The gate with a hand-written ipcMain stand-in: the one place this suite stands in for Electron,
// because there is no Electron binary to provide the real ipcMain. Everything behind the stand-in
// (sender policy, the shared dispatcher, the contract's schemas) is the real code.

import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORBIDDEN, registerIpcGate } from '../../main/electron/ipc-gate';
import type { TrustedWindow } from '../../main/electron/sender-policy';
import { ByteTransfers, TRANSFER_CHUNK_BYTES } from '../../main/service/byte-transfers';
import { createDispatcher } from '../../main/service/dispatch';
import { UploadStore } from '../../main/service/upload-store';
import { channelNames, contract, type Envelope, type StudioHandlers } from '../../shared/contract/contract';
import { FILE_LIMITS, type FileRef } from '../../shared/contract/file-refs';
import { GRANT_FILES_CHANNEL, INVOKE_PREFIX, SEND_BYTES_CHANNEL } from '../../shared/contract/ipc-names';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class IpcMainStandIn {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, event: IpcMainInvokeEvent, argument: unknown): Promise<Envelope<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, argument)) as Envelope<unknown>;
  }
}

const window: TrustedWindow = { webContentsId: 1, mainFrameTreeNodeId: 10 };

function ipcEvent(options: {
  webContentsId?: number;
  type?: string;
  frameTreeNodeId?: number;
  parent?: object | null;
  url?: string;
  noFrame?: boolean;
}): IpcMainInvokeEvent {
  const frame = options.noFrame
    ? null
    : {
        frameTreeNodeId: options.frameTreeNodeId ?? 10,
        parent: options.parent ?? null,
        url: options.url ?? 'wan-studio://app/index.html',
      };
  return {
    sender: { id: options.webContentsId ?? 1, getType: () => options.type ?? 'window' },
    senderFrame: frame,
  } as unknown as IpcMainInvokeEvent;
}

describe('registerIpcGate', () => {
  let ipcMain: IpcMainStandIn;
  let calls: { channel: string; input: unknown }[];
  let warnings: { message: string; fields?: Record<string, unknown> }[];
  let unregister: () => void;
  let granted: string[][];
  let staging = '';
  let uploads: UploadStore;

  afterEach(() => rm(staging, { recursive: true, force: true }));
  beforeEach(async () => {
    staging = await mkdtemp(join(tmpdir(), 'wan-gate-uploads-'));
    uploads = new UploadStore(() => staging);
    ipcMain = new IpcMainStandIn();
    calls = [];
    granted = [];
    warnings = [];
    const handlers: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    for (const [group, methods] of Object.entries(contract)) {
      handlers[group] = {};
      for (const name of Object.keys(methods)) {
        const channel = `${group}.${name}`;
        (handlers[group] as Record<string, (input: unknown) => Promise<unknown>>)[name] = async (input) => {
          calls.push({ channel, input });
          return `result of ${channel}`;
        };
      }
    }
    const logger = {
      warn: (message: string, fields?: Record<string, unknown>) => warnings.push({ message, fields }),
      error: (message: string, fields?: Record<string, unknown>) => warnings.push({ message, fields }),
    };
    unregister = registerIpcGate({
      ipcMain,
      dispatch: createDispatcher(handlers as unknown as StudioHandlers, logger),
      trustedWindows: () => [window],
      logger,
      grantPaths: (paths) => granted.push(paths),
      transfers: new ByteTransfers(uploads),
    });
  });

  it('registers a handler for every contract channel and the file-grant channel, nothing else', () => {
    const expected = [
      ...channelNames().map((channel) => `${INVOKE_PREFIX}${channel}`),
      GRANT_FILES_CHANNEL,
      SEND_BYTES_CHANNEL,
    ];
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(30);
  });

  it('removes them all again', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a malformed argument on every channel with a validation error, before any handler runs', async () => {
    for (const channel of channelNames()) {
      for (const malformed of [{ unexpected: true }, 42, 'text', [1, 2]]) {
        const envelope = await ipcMain.invoke(`${INVOKE_PREFIX}${channel}`, ipcEvent({}), malformed);
        expect(envelope.ok, `${channel} ${JSON.stringify(malformed)}`).toBe(false);
        if (!envelope.ok) expect(envelope.error.kind, channel).toBe('validation');
      }
    }
    expect(calls).toEqual([]);
  });

  it('answers every channel with forbidden for an untrusted sender, and logs it', async () => {
    const untrusted = [
      ipcEvent({ frameTreeNodeId: 11, parent: {} }),
      ipcEvent({ webContentsId: 2 }),
      ipcEvent({ url: 'https://evil.example/' }),
      ipcEvent({ type: 'remote', webContentsId: 3, url: 'devtools://devtools/bundled/devtools_app.html' }),
      ipcEvent({ noFrame: true }),
    ];
    for (const channel of channelNames()) {
      for (const event of untrusted) {
        const envelope = await ipcMain.invoke(`${INVOKE_PREFIX}${channel}`, event, undefined);
        expect(envelope, channel).toEqual(FORBIDDEN);
      }
    }
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(channelNames().length * untrusted.length);
    expect(warnings[0]).toMatchObject({
      message: 'refused IPC from an untrusted sender',
      fields: { channel: channelNames()[0], webContentsType: 'window' },
    });
  });

  it('passes a trusted, well-formed call through to the handler with the parsed argument', async () => {
    const info = await ipcMain.invoke(`${INVOKE_PREFIX}app.info`, ipcEvent({}), undefined);
    expect(info).toEqual({ ok: true, value: 'result of app.info' });
    // The schema's defaults are applied before the handler sees the argument.
    await ipcMain.invoke(`${INVOKE_PREFIX}balance.get`, ipcEvent({}), {});
    expect(calls.at(-1)).toEqual({ channel: 'balance.get', input: { refresh: false } });
  });

  it('asks for the trusted windows on every call', async () => {
    let windows: TrustedWindow[] = [window];
    unregister();
    registerIpcGate({
      ipcMain,
      dispatch: createDispatcher({} as StudioHandlers, { error: () => {} }),
      trustedWindows: () => windows,
      logger: { warn: () => {}, error: () => {} },
      grantPaths: () => {},
      transfers: new ByteTransfers(new UploadStore(() => staging)),
    });
    windows = [];
    expect(await ipcMain.invoke(`${INVOKE_PREFIX}app.info`, ipcEvent({}), undefined)).toEqual(FORBIDDEN);
  });

  it('grants the paths the preload learned, only for the trusted window and only absolute ones', async () => {
    const ok = await ipcMain.invoke(GRANT_FILES_CHANNEL, ipcEvent({}), ['/home/me/clip.mp4']);
    expect(ok).toEqual({ ok: true, value: undefined });
    const relative = await ipcMain.invoke(GRANT_FILES_CHANNEL, ipcEvent({}), ['clip.mp4']);
    expect(relative).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!relative.ok) expect(relative.error.message).toMatch(/absolute path/);
    const untrusted = await ipcMain.invoke(GRANT_FILES_CHANNEL, ipcEvent({ webContentsId: 2 }), [
      '/etc/passwd',
    ]);
    expect(untrusted).toEqual(FORBIDDEN);
    expect(granted).toEqual([['/home/me/clip.mp4']]);
  });

  const send = (argument: unknown, sender = ipcEvent({})) =>
    ipcMain.invoke(SEND_BYTES_CHANNEL, sender, argument);

  it('stores a file made in the page, sent in chunks, as an upload; only for the trusted window', async () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, index) => index % 251);
    const begun = await send({ op: 'begin', name: 'Harbour.mp4', kind: 'video', size: bytes.length });
    expect(begun).toMatchObject({ ok: true, value: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const transfer = (begun as { value: string }).value;
    for (const part of [bytes.subarray(0, 1000), bytes.subarray(1000)])
      expect(await send({ op: 'chunk', transfer, bytes: part })).toEqual({ ok: true, value: undefined });
    const ended = await send({ op: 'end', transfer });
    expect(ended).toMatchObject({ ok: true, value: { via: 'upload' } });
    const ref = (ended as { value: FileRef }).value;
    const stored = ref.via === 'upload' ? uploads.take(ref.id) : null;
    expect(stored?.name).toBe('Harbour.mp4');
    expect(new Uint8Array(readFileSync(stored?.path ?? ''))).toEqual(bytes);
    // Finished: the transfer is gone.
    expect(await send({ op: 'end', transfer })).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    const untrusted = await send(
      { op: 'begin', name: 'x.mp4', kind: 'video', size: 10 },
      ipcEvent({ webContentsId: 2 }),
    );
    expect(untrusted).toEqual(FORBIDDEN);
  });

  it('refuses sizes past the limit of the kind, chunks past 8 MB, and more bytes than announced', async () => {
    for (const argument of [
      { op: 'begin', name: 'big.png', kind: 'image', size: FILE_LIMITS.image + 1 },
      { op: 'begin', name: 'empty.png', kind: 'image', size: 0 },
      { op: 'begin', name: 'x.exe', kind: 'program', size: 10 },
      { op: 'chunk', transfer: 'f'.repeat(32), bytes: new Uint8Array(TRANSFER_CHUNK_BYTES + 1) },
      { op: 'chunk', transfer: '../../etc', bytes: new Uint8Array(1) },
      { op: 'end', transfer: 'f'.repeat(32), extra: 1 },
      null,
    ]) {
      expect(await send(argument)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    const begun = await send({ op: 'begin', name: 'short.png', kind: 'image', size: 4 });
    const transfer = (begun as { value: string }).value;
    const over = await send({ op: 'chunk', transfer, bytes: new Uint8Array(5) });
    const ended = over.ok ? await send({ op: 'end', transfer }) : over;
    expect(ended.ok).toBe(false);
    expect(readdirSync(staging)).toEqual([]);
  });
});
