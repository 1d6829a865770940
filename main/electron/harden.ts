// Security policy applied to every webContents and to the session (Electron checklist 5, 13, 14;
// anchors §4): no navigation away from our UI, no new windows (web links go to the system browser,
// nothing else does), no <webview>, web permissions only from the pure allow-list.
import { type Session, shell, type WebContents } from 'electron';
import { safeExternalUrl } from '../core/net/external-url';
import { isAppUrl } from './app-identity';
import { permissionAllowed } from './permissions';

/** Opens a web link in the user's browser; anything that is not http(s) is dropped. */
export function openInBrowser(url: string): boolean {
  const safeUrl = safeExternalUrl(url);
  if (!safeUrl) return false;
  void shell.openExternal(safeUrl);
  return true;
}

export function hardenWebContents(contents: WebContents): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
