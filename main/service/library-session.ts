// The open library, or why there is none ("library not found": the UI then offers retry, locate
// or create new). Opening a library stops the engine of the old one and starts one for the new;
// a library that cannot be opened leaves the current one in place. Moving the library goes through
// here too, so the engine never drives a library while it moves.
import { existsSync } from 'node:fs';
import type { LibraryProblem, RebuildSummary } from '../../shared/contract/contract';
import { CARRY_OVER_PART_NAMES } from '../../shared/contract/results';
import type { Clock } from '../core/clock';
import { StudioError } from '../core/errors';
import { sweepInterruptedImports } from '../core/library/import';
import type { LibraryCreation } from '../core/library/library';
import type { MoveJournal } from '../core/library/move-journal';
import { type RebuildProgress, rebuildLibrary } from '../core/library/rebuild';
import type { LinkParents } from '../core/library/restore-recipe';
import type { LibraryStore } from '../core/library/types';
import type { Logger } from '../core/log';
import type { EngineSession } from './engine-session';
import { type CarryOverPart, carryOverFromPrevious } from './rebuild-carry-over';
import type { SettingsFile } from './settings-file';
import { type StartupChoice, tryOpenLibrary } from './startup-library';

export interface LibrarySessionOptions {
  engine: EngineSession;
  settings: SettingsFile;
  journal: MoveJournal;
  clock: Clock;
  log: Logger;
  /** After a library opens (start-up, reopen, locate, create, rebuild): the sidecar sweep. */
  onOpened?(library: LibraryStore): void;
  /** Lineage links of rebuilt generations whose parents are in the library. */
  linkParents?: LinkParents;
}

export class LibrarySession {
  private library: LibraryStore | null = null;
  private problemNow: LibraryProblem | null = null;
  private startup: StartupChoice | null = null;

  constructor(private readonly options: LibrarySessionOptions) {}

  /** The library chosen at start-up; its problem (if any) is kept for the UI, not thrown. */
  async openAtStartup(choice: StartupChoice): Promise<void> {
    this.startup = choice;
    this.problemNow = await this.open(choice.root, choice.create, choice.remember);
    if (this.problemNow) this.options.log.warn('the library could not be opened', { ...this.problemNow });
  }

  /** The open library; throws the reason there is none (so every call says "library not found"). */
  current(): LibraryStore {
    if (this.library) return this.library;
    throw new StudioError({
      kind: this.problemNow?.kind ?? 'library_missing',
      userMessage: this.problemNow?.message ?? 'No library is open.',
    });
  }

  get problem(): LibraryProblem | null {
    return this.problemNow;
  }

  /** Where the library is, or where it was looked for. */
  get root(): string {
    return this.library?.root ?? this.problemNow?.path ?? '';
  }

  /** The UI's way out of "library not found": the start-up library again, another one, or a new one. */
  reopen(): Promise<void> {
    const choice = this.startup;
    if (!choice) return Promise.resolve();
    return this.switchTo(choice.root, choice.create, choice.remember);
  }

  locate(folder: string): Promise<void> {
    return this.switchTo(folder, 'never');
  }

  create(folder: string): Promise<void> {
    return this.switchTo(folder, 'folder');
  }

  async move(folder: string): Promise<void> {
    const moving = this.current();
    const { engine, journal, settings, log } = this.options;
    try {
      // Not while another process (a CLI run) has the library: it would go on writing to the old
      // folder. The lock is only checked here, not held through the copy: its file moves too.
      await engine.withLibraryLocked(moving.root, async () => {});
      await moving.moveTo(folder, {
        journal,
        switchTo: (root) => settings.setLibraryRoot(root),
        onLeftover: (leftover, error) =>
          log.warn('the old library folder could not be removed; the next start tries again', {
            leftover,
            error,
          }),
      });
    } finally {
      await engine.start(moving);
    }
  }

  /**
   * Rebuilds the library's database from its folder (the open library's, or the one that could
   * not be opened). Refused while generations are in progress: their rows exist nowhere else.
   */
  async rebuild(onProgress: (progress: RebuildProgress) => void): Promise<RebuildSummary> {
    const root = this.library?.root ?? this.problemNow?.path;
    if (!root || !existsSync(root)) {
      throw new StudioError({
        kind: 'library_missing',
        userMessage: `The library folder ${root ?? ''} is not there, so there is nothing to rebuild from. Connect its drive, or locate the folder.`,
      });
    }
    if (this.library && this.library.listActive().length > 0) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage:
          'Generations are still in progress. Let them finish (or cancel them) before rebuilding the library.',
      });
    }
    const { engine, clock, log } = this.options;
    let rebuilt: { library: LibraryStore; result: RebuildSummary };
    let began = false;
    try {
      rebuilt = await engine.withLibraryLocked(root, async () => {
        began = true;
        this.library?.close();
        this.library = null;
        const made = await rebuildLibrary(root, { clock, onProgress, linkParents: this.options.linkParents });
        return { ...made, result: { ...made.result, ...carryOver(made.library, made.result.keptAs) } };
      });
    } catch (error) {
      if (!began) {
        // Refused before anything changed (another process has the library): carry on as before.
        if (this.library) await engine.start(this.library);
        throw error;
      }
      const message = `Rebuilding the library failed: ${error instanceof Error ? error.message : String(error)}. The previous database was kept aside in ${root}/.wanstudio.`;
      this.problemNow = { kind: 'storage', path: root, message, folderExists: true };
      throw new StudioError({ kind: 'storage', userMessage: message, cause: error });
    }
    const { library, result } = rebuilt;
    log.info('the library was rebuilt from its folder', { root, ...result, skipped: result.skipped.length });
    this.library = library;
    this.problemNow = null;
    await engine.start(library);
    this.options.onOpened?.(library);
    return result;
  }

  async close(): Promise<void> {
    await this.options.engine.stop();
    this.library?.close();
  }

  private async switchTo(root: string, create: LibraryCreation, remember = true): Promise<void> {
    const problem = await this.open(root, create, remember);
    if (problem) throw new StudioError({ kind: problem.kind, userMessage: problem.message });
  }

  /** Opens a library in place of the current one; on failure the current one stays and the problem is returned. */
  private async open(
    root: string,
    create: LibraryCreation,
    remember: boolean,
  ): Promise<LibraryProblem | null> {
    const { engine, settings, clock, log } = this.options;
    const outcome = tryOpenLibrary(root, create, clock);
    if ('problem' in outcome) return outcome.problem;
    await engine.stop();
    this.library?.close();
    if (remember) await settings.setLibraryRoot(outcome.library.root);
    this.library = outcome.library;
    this.problemNow = null;
    await engine.start(outcome.library);
    this.options.onOpened?.(outcome.library);
    // What crashed imports left behind is swept once the library is in use.
    const swept = await sweepInterruptedImports(outcome.library.root, clock.now());
    if (swept.length > 0) log.info('removed files left by interrupted imports', { files: swept });
    return null;
  }
}

const ALL_PARTS = Object.keys(CARRY_OVER_PART_NAMES) as CarryOverPart[];

/** What only the previous database knew (rebuild-carry-over.ts), when it can still be read. */
function carryOver(
  library: LibraryStore,
  keptAs: string | null,
): Pick<RebuildSummary, 'carriedOver' | 'carryOverProblem' | 'carryOverFailed'> {
  if (!keptAs) return { carriedOver: null, carryOverProblem: null, carryOverFailed: [] };
  try {
    const { carried, failed } = carryOverFromPrevious(library, keptAs);
    return {
      carriedOver: carried,
      carryOverProblem:
        failed.length > 0
          ? `Part of the previous database could not be read, so these start empty: ${failed.map((part) => CARRY_OVER_PART_NAMES[part]).join(', ')}.`
          : null,
      carryOverFailed: failed,
    };
  } catch (error) {
    return {
      carriedOver: null,
      carryOverProblem: `The previous database could not be read (${error instanceof Error ? error.message : String(error)}): ${ALL_PARTS.map((part) => CARRY_OVER_PART_NAMES[part]).join(', ')} start empty.`,
      carryOverFailed: ALL_PARTS,
    };
  }
}
