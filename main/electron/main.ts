// Electron main entry: wiring only. Every decision (window options, CSP, sender trust, URL and path
// policy, Range, indicator state) lives in a pure module beside this file and is tested there.
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { IMPORT_STAGING_FOLDER } from '../core/library/import';
import { ByteTransfers } from '../service/byte-transfers';
import { grantedPathsOnly } from '../service/path-policy';
import { createStudioCore } from '../service/studio-core';
import type { StudioCore } from '../service/types';
import { UploadStore } from '../service/upload-store';
import { APP_ID, APP_SCHEME, MEDIA_BASE_URL, MEDIA_SCHEME, PRODUCT_NAME } from './app-identity';
import { createAppProtocolHandler } from './app-protocol';
import { hardenSession, hardenWebContents } from './harden';
import { startIndicators } from './indicators';
import { registerIpcGate } from './ipc-gate';
import { createMainWindow, trustedWindowsOf } from './main-window';
import { createMediaProtocolHandler } from './media-protocol';
import { createElectronPlatform } from './platform-adapter';
import { PRIVILEGED_SCHEMES } from './schemes';

// A core that will not close (a stuck disk) must not keep the app from quitting forever.
const CORE_CLOSE_TIMEOUT_MS = 10_000;

// Before 'ready': scheme privileges, the sandbox for every renderer, and (unpackaged runs only, for
// the e2e specs) a throwaway profile folder.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
app.enableSandbox();
const testUserData = process.env.WAN_STUDIO_USER_DATA;
if (!app.isPackaged && testUserData) app.setPath('userData', testUserData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start).catch(fail);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(`${PRODUCT_NAME} could not start`, message);
  app.exit(1);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const userData = app.getPath('userData');
  let window: BrowserWindow | null = null;
  const mainWindow = () => (window && !window.isDestroyed() ? window : null);

  // Only paths the user pointed at (a dialog's answer, a dropped or chosen file) may be named.
  const pathPolicy = grantedPathsOnly();
  // Files made in the page have no path: their bytes wait here (the library's staging folder).
  const uploads = new UploadStore(() => join(core.library().root, IMPORT_STAGING_FOLDER));
  let core: StudioCore;
  try {
    core = await createStudioCore({
      userDataDir: userData,
      defaultLibraryDir: join(app.getPath('videos'), PRODUCT_NAME),
      host: 'electron',
      mediaBaseUrl: MEDIA_BASE_URL,
      platform: createElectronPlatform(mainWindow),
      version: app.getVersion(),
      pathPolicy,
      uploads,
      watchFolders: {},
    });
  } catch (error) {
    fail(error);
    return;
  }
  const logger = core.log.child({ scope: 'shell' });

  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(app.getAppPath(), 'dist', 'renderer')));
  protocol.handle(
    MEDIA_SCHEME,
    createMediaProtocolHandler(() => core.library().root),
  );
  registerIpcGate({
    ipcMain,
    dispatch: core.dispatch,
    trustedWindows: () => trustedWindowsOf(mainWindow()),
    logger,
    grantPaths: (paths) => pathPolicy.grant(paths),
    transfers: new ByteTransfers(uploads),
  });

  const openWindow = async () => {
    const settings = await core.api.settings.get();
    window = createMainWindow({
      preloadPath: join(app.getAppPath(), 'dist', 'preload', 'preload.cjs'),
      theme: settings.theme,
      devTools: !app.isPackaged,
      events: core.events,
    });
  };
  const showWindow = () => {
    const current = mainWindow();
    if (!current) {
      void openWindow();
      return;
    }
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
  };

  await openWindow();
  const stopIndicators = await startIndicators({ core, mainWindow, showWindow, quit: () => app.quit() });

  app.on('second-instance', showWindow);
  app.on('activate', () => {
    if (!mainWindow()) void openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing: 'no' | 'closing' | 'closed' = 'no';
  app.on('before-quit', (event) => {
    if (closing === 'closed') return;
    event.preventDefault();
    if (closing === 'closing') return;
    closing = 'closing';
    stopIndicators();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CORE_CLOSE_TIMEOUT_MS).unref());
    // Files made in the page that no call named are not wanted any more.
    const closed = core.close().finally(() => uploads.discardAll());
    Promise.race([closed, timeout])
      .catch((error: unknown) => logger.error('closing the core failed', { error }))
      .finally(() => {
        closing = 'closed';
        app.quit();
      });
  });
}
