// The only place main registers IPC handlers (Motrix's trusted-ipc): one ipcMain.handle per
// contract channel, each behind the same sender check, then the shared dispatcher, which parses the
// argument with the contract's schema before any core code runs. A refused sender gets the same
// `forbidden` envelope whatever it asked for, and leaves a line in the log.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { channelNames, type Envelope } from '../../shared/contract/contract';
import {
  absolutePathSchema,
  FILE_KINDS,
  FILE_LIMITS,
  type FileKind,
  type FileRef,
} from '../../shared/contract/file-refs';
import { GRANT_FILES_CHANNEL, invokeChannel, SEND_BYTES_CHANNEL } from '../../shared/contract/ipc-names';
import { type ByteTransfers, TRANSFER_CHUNK_BYTES } from '../service/byte-transfers';
import { type Dispatch, type DispatchLogger, toContractError } from '../service/dispatch';
import { isTrustedSender, type SenderFacts, type TrustedWindow } from './sender-policy';

export type IpcHandlerRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface GateLogger extends DispatchLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface IpcGateOptions {
  ipcMain: IpcHandlerRegistry;
  /** The core's door (schema parse first); the gate only decides who may knock. */
  dispatch: Dispatch;
  /** Asked on every call: windows come and go (macOS re-creates the window on 'activate'). */
  trustedWindows: () => readonly TrustedWindow[];
  logger: GateLogger;
  /** Paths of files the user dropped or chose, as the preload learned them (webUtils.getPathForFile). */
  grantPaths: (paths: string[]) => void;
  /** Files made in the page (no path), arriving in chunks and stored as uploads. */
  transfers: ByteTransfers;
}

const grantedPathsSchema = z.array(absolutePathSchema).min(1).max(500);
const transferId = z.string().regex(/^[0-9a-f]{32}$/, 'must be a transfer id');
const sentBytesSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('begin'),
      name: z.string().max(255),
      kind: z.enum(FILE_KINDS as [FileKind, ...FileKind[]]),
      size: z.number().int().min(1),
    })
    .strict()
    .refine((sent) => sent.size <= FILE_LIMITS[sent.kind], {
      message: 'is larger than a file of its kind may be',
      path: ['size'],
    }),
  z
    .object({
      op: z.literal('chunk'),
      transfer: transferId,
      bytes: z
        .instanceof(Uint8Array)
        .refine(
          (bytes) => bytes.length > 0 && bytes.length <= TRANSFER_CHUNK_BYTES,
          'must be 1 byte to 8 MB',
        ),
    })
    .strict(),
  z.object({ op: z.literal('end'), transfer: transferId }).strict(),
]);

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { kind: 'forbidden', message: 'This page may not talk to Wan Studio.' },
};

export function senderFactsOf(event: IpcMainInvokeEvent): SenderFacts {
  let frame: SenderFacts['frame'] = null;
  try {
    const sent = event.senderFrame;
    if (sent)
      frame = { frameTreeNodeId: sent.frameTreeNodeId, isTopLevel: sent.parent === null, url: sent.url };
  } catch {
    // A frame destroyed mid-call throws on access: treat it like a missing frame (refused).
  }
  return { webContentsId: event.sender.id, webContentsType: event.sender.getType(), frame };
}

/** Registers every contract channel; returns a function that removes them all again. */
export function registerIpcGate(options: IpcGateOptions): () => void {
  const { ipcMain, logger } = options;
  const { dispatch } = options;
  const trusted = (event: IpcMainInvokeEvent, channel: string): boolean => {
    const sender = senderFactsOf(event);
    if (isTrustedSender(sender, options.trustedWindows())) return true;
    logger.warn('refused IPC from an untrusted sender', {
      channel,
      webContentsType: sender.webContentsType,
      url: sender.frame?.url ?? null,
    });
    return false;
  };
  const channels = channelNames();
  for (const channel of channels) {
    ipcMain.handle(invokeChannel(channel), (event: IpcMainInvokeEvent, argument: unknown) =>
      trusted(event, channel) ? dispatch(channel, argument) : FORBIDDEN,
    );
  }
  ipcMain.handle(GRANT_FILES_CHANNEL, (event: IpcMainInvokeEvent, argument: unknown): Envelope<void> => {
    if (!trusted(event, GRANT_FILES_CHANNEL)) return FORBIDDEN;
    const parsed = grantedPathsSchema.safeParse(argument);
    if (!parsed.success) return { ok: false, error: toContractError(parsed.error) };
    options.grantPaths(parsed.data);
    return { ok: true, value: undefined };
  });
  ipcMain.handle(SEND_BYTES_CHANNEL, async (event: IpcMainInvokeEvent, argument: unknown) => {
    if (!trusted(event, SEND_BYTES_CHANNEL)) return FORBIDDEN;
    const parsed = sentBytesSchema.safeParse(argument);
    if (!parsed.success) return { ok: false, error: toContractError(parsed.error) };
    const sent = parsed.data;
    try {
      if (sent.op === 'begin')
        return { ok: true, value: options.transfers.begin(sent.name, sent.size, FILE_LIMITS[sent.kind]) };
      if (sent.op === 'chunk')
        return { ok: true, value: await options.transfers.chunk(sent.transfer, sent.bytes) };
      const ref: FileRef = { via: 'upload', id: await options.transfers.end(sent.transfer) };
      return { ok: true, value: ref };
    } catch (error) {
      logger.warn('a file made in the page could not be stored', { error: String(error) });
      return { ok: false, error: toContractError(error) };
    }
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(invokeChannel(channel));
    ipcMain.removeHandler(GRANT_FILES_CHANNEL);
    ipcMain.removeHandler(SEND_BYTES_CHANNEL);
  };
}
