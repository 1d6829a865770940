// The prompt history, kept in the library (its settings table) so it travels with the videos it
// made. A stored list that no longer fits the schema is dropped with a warning, never a crash.
import {
  addToHistory,
  type PromptHistoryEntry,
  promptHistorySchema,
  searchHistory,
} from '../../../shared/domain/prompt-history';
import type { LibraryStore } from './types';

const KEY = 'prompt-history';

type Settings = Pick<LibraryStore, 'getSetting' | 'setSetting'>;

function readAll(settings: Settings): PromptHistoryEntry[] {
  const parsed = promptHistorySchema.safeParse(settings.getSetting(KEY) ?? []);
  return parsed.success ? parsed.data : [];
}

export function recordPrompt(settings: Settings, sent: Omit<PromptHistoryEntry, 'uses'>): void {
  if (!sent.prompt.trim()) return;
  settings.setSetting(KEY, addToHistory(readAll(settings), sent));
}

export function listPrompts(settings: Settings, search: string, limit: number): PromptHistoryEntry[] {
  return searchHistory(readAll(settings), search, limit);
}

/** Removing a prompt that is not there is not an error: the list already says what the user wants. */
export function removePrompt(settings: Settings, prompt: string): void {
  const list = readAll(settings);
  const kept = list.filter((entry) => entry.prompt !== prompt.trim());
  if (kept.length !== list.length) settings.setSetting(KEY, kept);
}

export function clearPrompts(settings: Settings): void {
  settings.setSetting(KEY, undefined);
}
