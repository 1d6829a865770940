// How the UI names a file for main without sending its bytes over the message channel (issue 8):
// Electron's preload hands main the file's own path (granted by main, see path-policy), the
// browser host streams the file over HTTP first and names the upload. Process-agnostic.

import { z } from 'zod';
import { type FileKind, isAbsolutePath } from './file-limits';

export * from './file-limits';

/** Every path a contract method takes: relative paths mean "relative to what?", so all hosts refuse them. */
export const absolutePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(isAbsolutePath, {
    message:
      'must be an absolute path (such as /home/you/clip.mp4 or C:\\Users\\you\\clip.mp4), not a relative one',
    // The dispatcher turns this into the 'relative_path' reason, which the UI words in its language.
    params: { reason: 'relative_path' },
  });

export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;

export const fileRefSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('path'), path: absolutePathSchema }).strict(),
  z
    .object({ via: z.literal('upload'), id: z.string().regex(UPLOAD_ID_PATTERN, 'must be an upload id') })
    .strict(),
]);
export type FileRef = z.infer<typeof fileRefSchema>;

/** One file's outcome; `notOnDisk`: a pasted image in Electron has no path to hand over. */
export type SentFile = { name: string; ref: FileRef } | { name: string; error: string; notOnDisk?: boolean };

/** "Send these Files to main": one per host (Electron preload, browser-host upload), same shape. */
export type SendFiles = (files: readonly File[], kind: FileKind) => Promise<SentFile[]>;

/** What Electron's preload adds to `window.studio` beside the contract. */
export interface StudioFiles {
  send: SendFiles;
}
