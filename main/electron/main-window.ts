// Creates the one studio window: options from the pure mainWindowOptions, shown only when its first
// frame is ready, loaded from our app protocol, and fed core events for as long as it lives.
import { BrowserWindow, nativeTheme } from 'electron';
import type { Settings } from '../../shared/contract/contract';
import type { StudioEventSource } from '../../shared/contract/event-hub';
import { EVENT_CHANNEL } from '../../shared/contract/ipc-names';
import { forwardStudioEvents } from '../service/forward-events';
import { APP_ENTRY_URL } from './app-identity';
import type { TrustedWindow } from './sender-policy';
import { mainWindowOptions, windowBackground } from './window-options';

export interface MainWindowSetup {
  preloadPath: string;
  theme: Settings['theme'];
  devTools: boolean;
  events: StudioEventSource;
}

export function createMainWindow(setup: MainWindowSetup): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: setup.preloadPath,
      backgroundColor: windowBackground(setup.theme, nativeTheme.shouldUseDarkColors),
      devTools: setup.devTools,
    }),
  );
  window.once('ready-to-show', () => window.show());
  const stopForwarding = forwardStudioEvents(setup.events, (name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  window.on('closed', stopForwarding);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

export function trustedWindowsOf(window: BrowserWindow | null): TrustedWindow[] {
  if (!window || window.isDestroyed()) return [];
  const contents = window.webContents;
  return [{ webContentsId: contents.id, mainFrameTreeNodeId: contents.mainFrame.frameTreeNodeId }];
}
