// Moving a whole folder to a new place. A rename is atomic when both places are on one file
// system; across file systems the tree is copied, the copy checked file by file, the switch to
// the copy recorded, and only then the source removed. With a journal (move-journal.ts) a crash
// at any point leaves a complete library that the next start finds.
import { cp, mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { StudioError } from '../errors';
import type { MoveJournal } from './move-journal';

export interface MoveSteps {
  /** Records the move durably before anything is copied, so a crash can be recovered. */
  journal?: MoveJournal;
  /**
   * Makes the new place the library's home (settings), after the copy is complete and verified
   * and before anything of the old folder is removed.
   */
  switchTo?: (root: string) => Promise<void>;
  /** Told when removing the old folder failed after the switch: the move itself succeeded. */
  onLeftover?: (folder: string, error: unknown) => void;
  /** Skip the rename attempt: how tests exercise the cross-device path on one disk. */
  copy?: boolean;
}

function storageError(userMessage: string, error?: unknown): StudioError {
  return new StudioError({
    kind: 'storage',
    userMessage,
    detail: String(error ?? userMessage),
    cause: error,
  });
}

/** True when `path` is `folder` or lies inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Throws unless `to` can receive `from`: not inside it, and missing or an empty folder. */
export async function assertMoveTarget(from: string, to: string): Promise<void> {
  if (isInside(to, from)) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `The library cannot move into itself (${to} is inside ${from}).`,
    });
  }
  let entries: string[];
  try {
    entries = await readdir(to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${to} cannot be used as the new library folder: it is not a readable folder.`,
      detail: String(error),
    });
  }
  if (entries.length > 0) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${to} is not empty. Choose an empty or new folder for the library.`,
    });
  }
}

async function listFiles(dir: string, base = dir): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [rel, size] of await listFiles(path, base)) files.set(rel, size);
    } else if (entry.isFile()) {
      files.set(relative(base, path), (await stat(path)).size);
    }
  }
  return files;
}

/** Every file of `from` exists in `to` with the same size. */
async function verifyCopy(from: string, to: string): Promise<void> {
  const source = await listFiles(from);
  const copy = await listFiles(to);
  for (const [rel, size] of source) {
    if (copy.get(rel) !== size) {
      throw storageError(`Copying the library failed verification at ${rel}. The original is untouched.`);
    }
  }
}

async function copyAndVerify(from: string, to: string): Promise<void> {
  try {
    await cp(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    await verifyCopy(from, to);
  } catch (error) {
    await rm(to, { recursive: true, force: true }).catch(() => {});
    if (error instanceof StudioError) throw error;
    throw storageError(`Could not copy the library to ${to}. The original is untouched.`, error);
  }
}

/** Moves folder `from` to `to` (checked with assertMoveTarget first). */
export async function moveFolder(from: string, to: string, steps: MoveSteps = {}): Promise<void> {
  await assertMoveTarget(from, to);
  try {
    await mkdir(dirname(to), { recursive: true });
  } catch (error) {
    throw storageError(`Could not create the folder for the library at ${to}.`, error);
  }
  // An empty target folder is replaced: rename cannot overwrite one on every platform.
  await rmdir(to).catch(() => {});
  await steps.journal?.write({ from, to, phase: 'copying' });
  try {
    if (!steps.copy && (await renamed(from, to))) {
      await steps.switchTo?.(to);
      await steps.journal?.clear();
      return;
    }
    await copyAndVerify(from, to);
  } catch (error) {
    // Nothing was switched: the old folder is the library; the copy (if any) is already gone.
    await steps.journal?.clear();
    throw error;
  }
  await steps.journal?.write({ from, to, phase: 'copied' });
  await steps.switchTo?.(to);
  try {
    await rm(from, { recursive: true, force: true });
  } catch (error) {
    // The journal stays: the next start tries the removal again.
    steps.onLeftover?.(from, error);
    return;
  }
  await steps.journal?.clear();
}

/** True when renamed; false when the folders are on different file systems (copy instead). */
async function renamed(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EXDEV: another file system. EPERM/EBUSY: Windows refuses to rename some folders.
    if (code === 'EXDEV' || code === 'EPERM' || code === 'EBUSY') return false;
    throw storageError(`Could not move the library to ${to}.`, error);
  }
}
