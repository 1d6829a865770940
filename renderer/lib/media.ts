// Library files are addressed through the host's media base (a custom protocol in Electron, the
// /media route in the browser host); paths in records are relative to the library root.
import type { GenerationRecord } from '../../shared/contract/contract';

export function mediaUrl(base: string | undefined, relPath: string | null | undefined): string | null {
  if (!base || !relPath) return null;
  const encoded = relPath.split('/').map(encodeURIComponent).join('/');
  return `${base.replace(/\/$/, '')}/${encoded}`;
}

export function videoUrl(base: string | undefined, record: GenerationRecord): string | null {
  return mediaUrl(base, record.video?.relPath);
}

export function posterUrl(base: string | undefined, record: GenerationRecord): string | null {
  return mediaUrl(base, record.video?.posterRelPath);
}
