// The zod-free half of file-refs.ts: how large a file may be for what it is for, and the browser
// host's upload route. The renderer's first chunk needs these, and must not load zod.
import { MAX_SOURCE_BYTES } from '../domain/image-limits';
import { MAX_AUDIO_BYTES } from '../domain/models';

/** What the file is for decides how large it may be; the UI refuses a larger one before sending. */
export type FileKind = 'video' | 'image' | 'audio';
export const FILE_KINDS: readonly FileKind[] = ['video', 'image', 'audio'];
export const FILE_LIMITS: Record<FileKind, number> = {
  video: 4 * 1024 * 1024 * 1024,
  image: MAX_SOURCE_BYTES,
  audio: MAX_AUDIO_BYTES,
};

/** The browser host's upload route (main/host/upload-route.ts) and the header carrying the token. */
export const UPLOAD_PATH = '/upload';
export const UPLOAD_TOKEN_HEADER = 'x-wan-studio-token';

/** POSIX `/…`, Windows `C:\…` or `C:/…`, and UNC `\\server\share\…`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]/.test(path);
}
