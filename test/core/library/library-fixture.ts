// A real library in a temp folder with a fake clock, plus small builders for generations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStudioError } from '../../../main/core/errors';
import { libraryContext, openLibrary } from '../../../main/core/library/library';
import { MIGRATIONS } from '../../../main/core/library/migrations';
import type { GenerationRecord, LibraryStore, NewGeneration } from '../../../main/core/library/types';
import type { GenerationParams } from '../../../shared/domain/params';
import { FakeClock } from '../../helpers/fake-clock';

export interface TestLibrary {
  dir: string;
  root: string;
  clock: FakeClock;
  store: LibraryStore;
  warnings: string[];
  /** Closes the store (if still open) and deletes the temp folder. */
  cleanup(): void;
}

export function tempLibrary(): TestLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'wan-library-'));
  const root = join(dir, 'library');
  const clock = new FakeClock(Date.UTC(2025, 5, 1));
  const warnings: string[] = [];
  const store = openLibrary({ root, clock, onWarning: (message) => warnings.push(message) });
  return {
    dir,
    root,
    clock,
    store,
    warnings,
    cleanup() {
      try {
        store.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function params(overrides: Partial<GenerationParams> = {}): GenerationParams {
  return {
    mode: 'text-to-video',
    prompt: 'a red fox running through fresh snow',
    resolution: '720p',
    duration: 5,
    aspectRatio: '16:9',
    promptExpansion: true,
    provider: 'auto',
    ...overrides,
  };
}

export function create(
  store: LibraryStore,
  overrides: Partial<GenerationParams> = {},
  extra: Partial<NewGeneration> = {},
): GenerationRecord {
  return store.createGeneration({
    params: params(overrides),
    requestType: 'async',
    estimatedCostUsd: 0.4,
    ...extra,
  });
}

export const SHA = 'a'.repeat(64);

/** A sha256-shaped hex string that differs per `n`. */
export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

/** The StudioError kind a call throws ('no error' / 'other' otherwise), for table-style asserts. */
export function kindOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isStudioError(error) ? error.kind : 'other';
  }
}

/**
 * Closes `lib.store` and opens its library again as the version before migration `step` left it:
 * `undo` removes what that step and the later ones made, and the step runs again on opening.
 */
export function reopenFromBefore(lib: TestLibrary, step: string, undo: string): LibraryStore {
  const { db } = libraryContext(lib.store);
  db.exec(undo);
  db.pragma(`user_version = ${MIGRATIONS.findIndex((migration) => migration.name === step)}`);
  lib.store.close();
  return openLibrary({ root: lib.root, clock: lib.clock });
}
