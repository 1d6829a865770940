// The only URLs the app hands to the operating system: plain web links. Anything else (file:,
// javascript:, smb:, ms-settings:, custom app schemes) could launch a local program, so an XSS in the
// UI must not be able to reach it (anchors §4.4, Electron checklist item 15). Used by the shared
// app.openExternal handler (so every host refuses the same links) and by Electron's window handlers.
const MAX_EXTERNAL_URL_LENGTH = 4096;

/** The normalised URL to open, or null when it is not a credential-free http(s) link. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  // user:pass@host links are a classic way to disguise where a link really goes.
  if (url.username !== '' || url.password !== '') return null;
  // We open exactly what we checked: the parser's serialisation, not the caller's string.
  return url.href;
}
