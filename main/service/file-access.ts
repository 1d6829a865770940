// Turns a file the UI named (preload/file-refs) into a local file main can read: a path passes the
// host's path policy, an upload is taken from the browser host's upload store (and deleted once
// used). Hosts without uploads (Electron, the CLI) refuse upload ids.
import { basename } from 'node:path';
import type { FileRef } from '../../shared/contract/file-refs';
import { StudioError } from '../core/errors';
import type { PathPolicy } from './path-policy';

export interface LocalFile {
  path: string;
  /** The name the user knows it by (the dropped file's name, not our temp name). */
  name: string;
  /** Done with it: an upload's temp file is removed; a user's own file is left alone. */
  release(): Promise<void>;
}

/** The browser host's uploads, by id; each can be taken once. */
export interface UploadSource {
  take(id: string): LocalFile | null;
}

export interface FileAccess {
  readonly paths: PathPolicy;
  open(ref: FileRef): LocalFile;
}

export function createFileAccess(paths: PathPolicy, uploads: UploadSource | null): FileAccess {
  return {
    paths,
    open(ref) {
      if (ref.via === 'path') {
        paths.check(ref.path);
        return { path: ref.path, name: basename(ref.path), release: async () => {} };
      }
      const upload = uploads?.take(ref.id);
      if (!upload) {
        throw new StudioError({
          kind: 'not_found',
          userMessage: uploads
            ? 'That file is no longer waiting here (it was used already or kept too long). Add it again.'
            : 'Only the browser version of Wan Studio takes uploaded files.',
        });
      }
      return upload;
    },
  };
}
