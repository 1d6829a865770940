// Web permissions for our own UI. Everything is denied (Electron checklist item 5) except two things
// the studio needs from its own page: fullscreen for the video player and writing text to the
// clipboard ("copy prompt", "copy seed"). Reading the clipboard, camera, notifications from the
// page, geolocation, external protocol links etc. stay denied: main owns those.
import { isAppUrl } from './app-identity';

const ALLOWED_FROM_APP: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_FROM_APP.has(permission) && isAppUrl(requestingUrl);
}
