// The only place main registers IPC handlers (Motrix's trusted-ipc): one ipcMain.handle per
// contract channel, each behind the same sender check, then the shared dispatcher, which parses the
// argument with the contract's schema before any core code runs. A refused sender gets the same
// `forbidden` envelope whatever it asked for, and leaves a line in the log.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../../shared/contract/contract';
import { invokeChannel } from '../../shared/contract/ipc-names';
import type { Dispatch, DispatchLogger } from '../service/dispatch';
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
}

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
  const channels = channelNames();
  for (const channel of channels) {
    ipcMain.handle(invokeChannel(channel), (event: IpcMainInvokeEvent, argument: unknown) => {
      const sender = senderFactsOf(event);
      if (!isTrustedSender(sender, options.trustedWindows())) {
        logger.warn('refused IPC from an untrusted sender', {
          channel,
          webContentsType: sender.webContentsType,
          url: sender.frame?.url ?? null,
        });
        return FORBIDDEN;
      }
      return dispatch(channel, argument);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(invokeChannel(channel));
  };
}
