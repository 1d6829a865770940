// The prompt history as the Generate view shows it: loaded fresh whenever it is opened or
// searched (main records each sent prompt, so there is nothing to keep in sync), and reused by
// putting the prompt (and the negative prompt it was sent with) back into the form.
import { create } from 'zustand';
import type { PromptHistoryEntry } from '../../shared/domain/prompt-history';
import { studio } from '../studio';
import { useGenerate } from './generate';

interface PromptHistoryState {
  entries: PromptHistoryEntry[];
  search: string;
  loading: boolean;
  error: unknown;
  load(search?: string): Promise<void>;
  remove(prompt: string): Promise<void>;
  reuse(entry: PromptHistoryEntry): void;
}

let latest = 0;

export const usePromptHistory = create<PromptHistoryState>()((set, get) => ({
  entries: [],
  search: '',
  loading: false,
  error: null,
  async load(search = get().search) {
    const call = ++latest;
    set({ search, loading: true });
    try {
      const entries = await studio.prompts.history({ search, limit: 100 });
      // A slower answer to an older search never replaces a newer one.
      if (call === latest) set({ entries, loading: false, error: null });
    } catch (error) {
      if (call === latest) set({ loading: false, error });
    }
  },
  async remove(prompt) {
    set({ entries: get().entries.filter((entry) => entry.prompt !== prompt) });
    try {
      await studio.prompts.remove({ prompt });
    } catch (error) {
      set({ error });
    }
    await get().load();
  },
  reuse(entry) {
    useGenerate.getState().update({ prompt: entry.prompt, negativePrompt: entry.negativePrompt });
  },
}));
