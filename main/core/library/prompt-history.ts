// The prompt history, kept in the library (its settings table) so it travels with the videos it
// made. Entries this version cannot read are kept as they are (kept-list.ts), never a crash.
import {
  addToHistory,
  type PromptHistoryEntry,
  promptHistoryEntrySchema,
  searchHistory,
} from '../../../shared/domain/prompt-history';
import { keptList } from './kept-list';
import type { LibraryStore } from './types';

const KEY = 'prompt-history';

type Settings = Pick<LibraryStore, 'getSetting' | 'setSetting'>;

const stored = (settings: Settings) => keptList(settings, KEY, promptHistoryEntrySchema);

function readAll(settings: Settings): PromptHistoryEntry[] {
  return stored(settings).read();
}

export function recordPrompt(settings: Settings, sent: Omit<PromptHistoryEntry, 'uses'>): void {
  if (!sent.prompt.trim()) return;
  stored(settings).write(addToHistory(readAll(settings), sent));
}

export function listPrompts(settings: Settings, search: string, limit: number): PromptHistoryEntry[] {
  return searchHistory(readAll(settings), search, limit);
}

/** Removing a prompt that is not there is not an error: the list already says what the user wants. */
export function removePrompt(settings: Settings, prompt: string): void {
  const list = readAll(settings);
  const kept = list.filter((entry) => entry.prompt !== prompt.trim());
  if (kept.length !== list.length) stored(settings).write(kept);
}

export function clearPrompts(settings: Settings): void {
  settings.setSetting(KEY, undefined);
}
