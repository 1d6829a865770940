// Who the app is, as URLs and ids. The UI is only ever served from APP_ORIGIN (never file://), and
// library files only from MEDIA_BASE_URL; every trust decision in main compares against these.
// Electron-free so the policies that use it can be tested in plain Node.

/** Also `appId` in electron-builder.yml (a test keeps the two equal); Windows notifications need it. */
export const APP_ID = 'com.apixo.wanstudio';
export const PRODUCT_NAME = 'Wan Studio';

export const APP_SCHEME = 'wan-studio';
export const APP_HOST = 'app';
/** Standard schemes serialise their origin as scheme://host. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const MEDIA_SCHEME = 'wan-media';
export const MEDIA_HOST = 'library';
export const MEDIA_BASE_URL = `${MEDIA_SCHEME}://${MEDIA_HOST}`;

/** True only for a URL on our own UI origin (wan-studio://app/...), parsed, never prefix-matched. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  );
}
