// Turns what the user typed into a safe FTS5 MATCH expression. User text is never passed raw:
// FTS5 syntax ("…", *, -, ^, :, AND/OR/NOT, NEAR(…)) would make ordinary input throw or mean
// something else. Each word becomes a quoted string (so OR is just the word "or"), the words are
// ANDed, and the last one (from two letters on) is a prefix so results follow the typing
// ("mount" finds "mountain").

// Same word boundaries as the unicode61 tokenizer: letters, digits and combining marks.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// A long pasted paragraph would make a huge AND that can only match its own source; cap it.
const MAX_WORDS = 16;

export interface FtsWords {
  words: string[];
  /** Whether the last word is a prefix (typed from two letters on). */
  prefix: boolean;
}

/** The words of `text` as the search reads them, or null when it has none (then: no text filter). */
export function ftsWords(text: string | undefined | null): FtsWords | null {
  if (!text) return null;
  const words = text.normalize('NFC').match(WORD);
  if (!words || words.length === 0) return null;
  const kept = words.slice(0, MAX_WORDS);
  // A one-letter prefix matches most of a large library and costs tens of ms; the results start
  // to follow the typing from the second letter.
  return { words: kept, prefix: (kept[kept.length - 1] ?? '').length >= 2 };
}

/** The expression for `words`, the last one written as `last` when given. */
export function expressionOf({ words, prefix }: FtsWords, last?: string): string {
  const quoted = words.map((word) => `"${word}"`);
  if (last !== undefined) quoted[quoted.length - 1] = last;
  else if (prefix) quoted[quoted.length - 1] = `${quoted[quoted.length - 1]}*`;
  return quoted.join(' AND ');
}

/** The MATCH expression for `text`, or null when it has no words (then: no text filter). */
export function ftsMatchExpression(text: string | undefined | null): string | null {
  const parsed = ftsWords(text);
  return parsed ? expressionOf(parsed) : null;
}
