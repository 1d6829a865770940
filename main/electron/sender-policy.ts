// Which IPC senders may talk to the core (Electron checklist item 17, Motrix's trusted-ipc): only the
// main frame of a window we created, while it shows our own UI. Subframes, devtools, other windows
// and any page that navigated elsewhere are refused. Decided on plain facts so it is testable.
import { isAppUrl } from './app-identity';

/** What the IPC event tells us about who sent it. */
export interface SenderFacts {
  webContentsId: number;
  /** webContents.getType(): 'window' for a BrowserWindow; devtools and webviews differ. */
  webContentsType: string;
  /** Null when the frame navigated away or was destroyed before we looked. */
  frame: { frameTreeNodeId: number; isTopLevel: boolean; url: string } | null;
}

/** A window we created and whose UI we trust. */
export interface TrustedWindow {
  webContentsId: number;
  mainFrameTreeNodeId: number;
}

export function isTrustedSender(sender: SenderFacts, windows: readonly TrustedWindow[]): boolean {
  if (sender.webContentsType !== 'window' || !sender.frame) return false;
  const { frame } = sender;
  const window = windows.find((candidate) => candidate.webContentsId === sender.webContentsId);
  if (!window) return false;
  return frame.isTopLevel && frame.frameTreeNodeId === window.mainFrameTreeNodeId && isAppUrl(frame.url);
}
