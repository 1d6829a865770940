// A `data:` URL carries the image itself rather than pointing at it. APIXO wants a public link, so
// such an image is treated like a file from disk: its bytes are checked and, with hosting set up,
// uploaded. (Whether APIXO accepts data: URLs directly is undocumented; we never send one.)
import { invalidImage } from './errors';

export function isDataUrl(text: string): boolean {
  return /^data:/i.test(text.trim());
}

export function decodeDataUrl(text: string, maxBytes: number): Uint8Array {
  const trimmed = text.trim();
  const comma = trimmed.indexOf(',');
  if (comma < 0) throw invalidImage('This data: link is malformed (it has no comma before its data).');
  const header = trimmed.slice(5, comma);
  const payload = trimmed.slice(comma + 1);
  const base64 = /;base64$/i.test(header);
  // base64 is 4 characters per 3 bytes; refuse before decoding something huge.
  const estimate = base64 ? Math.floor((payload.length * 3) / 4) : payload.length;
  if (estimate > maxBytes) {
    throw invalidImage(
      `The image in this data: link is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.`,
    );
  }
  if (base64) {
    const clean = payload.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) {
      throw invalidImage('This data: link is malformed (its base64 data has invalid characters).');
    }
    return new Uint8Array(Buffer.from(clean, 'base64'));
  }
  try {
    return new Uint8Array(Buffer.from(decodeURIComponent(payload), 'latin1'));
  } catch {
    throw invalidImage('This data: link is malformed (bad percent-encoding).');
  }
}
