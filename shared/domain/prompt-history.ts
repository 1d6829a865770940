// Recent prompts: every prompt sent, newest first, one entry per prompt text (sending it again
// moves it to the top and counts the use), capped so the list stays quick to scan and to store.
// Pure rules; main keeps the list in the library. Process-agnostic.
import { z } from 'zod';
import { MODEL_IDS } from './models';
import { MODES } from './params';

export const PROMPT_HISTORY_LIMIT = 200;

export const promptHistoryEntrySchema = z
  .object({
    prompt: z.string().min(1).max(10_000),
    negativePrompt: z.string().max(10_000),
    model: z.enum(MODEL_IDS),
    mode: z.enum(MODES),
    lastUsedAt: z.number().int().nonnegative(),
    uses: z.number().int().positive(),
  })
  .strict();

export type PromptHistoryEntry = z.infer<typeof promptHistoryEntrySchema>;

export const promptHistorySchema = z.array(promptHistoryEntrySchema);

export const promptHistoryQuerySchema = z
  .object({
    /** Words that must all appear (any case) in the prompt or the negative prompt. */
    search: z.string().max(500).default(''),
    limit: z.number().int().min(1).max(PROMPT_HISTORY_LIMIT).default(50),
  })
  .strict()
  .optional();

/** The list after sending `entry` (whose prompt is trimmed; a blank prompt is not history). */
export function addToHistory(
  list: readonly PromptHistoryEntry[],
  sent: Omit<PromptHistoryEntry, 'uses'>,
): PromptHistoryEntry[] {
  const prompt = sent.prompt.trim();
  if (!prompt) return [...list];
  const earlier = list.find((entry) => entry.prompt === prompt);
  const entry: PromptHistoryEntry = {
    ...sent,
    prompt,
    negativePrompt: sent.negativePrompt.trim(),
    uses: (earlier?.uses ?? 0) + 1,
  };
  return [entry, ...list.filter((item) => item.prompt !== prompt)].slice(0, PROMPT_HISTORY_LIMIT);
}

export function searchHistory(
  list: readonly PromptHistoryEntry[],
  search: string,
  limit: number,
): PromptHistoryEntry[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length
    ? list.filter((entry) => {
        const text = `${entry.prompt}\n${entry.negativePrompt}`.toLocaleLowerCase();
        return words.every((word) => text.includes(word));
      })
    : list;
  return matches.slice(0, limit);
}
