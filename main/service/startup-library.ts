// Which library the studio opens at start-up, and what it may create to do so. A library the
// settings remember is never recreated: on an unmounted drive or after a crash it is reported as
// "library not found" (the UI offers retry / locate / create new; the CLI exits with the cause)
// rather than silently replaced by an empty one. Only the default library, on the very first
// run, is created with its parent folders.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryProblem } from '../../shared/contract/contract';
import type { Clock } from '../core/clock';
import { isStudioError } from '../core/errors';
import { type LibraryCreation, openLibrary } from '../core/library/library';
import { MoveJournal } from '../core/library/move-journal';
import type { LibraryStore } from '../core/library/types';
import type { SettingsFile } from './settings-file';

const LIBRARY_PROBLEM_KINDS = new Set<string>([
  'library_missing',
  'library_corrupt',
  'read_only',
  'disk_full',
  'storage',
]);

export function moveJournal(userDataDir: string): MoveJournal {
  return new MoveJournal(join(userDataDir, 'library-move.json'));
}

export interface StartupChoice {
  root: string;
  create: LibraryCreation;
  /** Write the root to settings once open, so later starts treat it as a known library. */
  remember: boolean;
}

export function startupChoice(
  settings: SettingsFile,
  explicitDir: string | undefined,
  defaultDir: string,
  settingsExisted: boolean,
): StartupChoice {
  // A folder named on the command line: made if its parent exists, and not remembered.
  if (explicitDir) return { root: explicitDir, create: 'folder', remember: false };
  if (settings.libraryRoot) return { root: settings.libraryRoot, create: 'never', remember: false };
  // No library remembered. A first run creates the default library; an unreadable settings file
  // is not a first run (it may have named a library elsewhere), so nothing is created then.
  const firstRun = !settingsExisted;
  return { root: defaultDir, create: firstRun ? 'with-parents' : 'never', remember: true };
}

export type OpenOutcome = { library: LibraryStore } | { problem: LibraryProblem };

/** Opens a library, turning the failures a user can act on into a LibraryProblem. */
export function tryOpenLibrary(root: string, create: LibraryCreation, clock: Clock): OpenOutcome {
  try {
    return { library: openLibrary({ root, clock, create }) };
  } catch (error) {
    if (isStudioError(error) && LIBRARY_PROBLEM_KINDS.has(error.kind)) {
      return {
        problem: {
          kind: error.kind as LibraryProblem['kind'],
          path: root,
          message: error.userMessage,
          folderExists: isFolder(root),
        },
      };
    }
    throw error;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
