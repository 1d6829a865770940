// Turns what the user typed into a safe FTS5 MATCH expression. User text is never passed raw:
// FTS5 syntax ("…", *, -, ^, :, AND/OR/NOT, NEAR(…)) would make ordinary input throw or mean
// something else. Each word becomes a quoted string (so OR is just the word "or"), the words are
// ANDed, and the last one (from two letters on) is a prefix so results follow the typing
// ("mount" finds "mountain").

// Same word boundaries as the unicode61 tokenizer: letters, digits and combining marks.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// A long pasted paragraph would make a huge AND that can only match its own source; cap it.
const MAX_WORDS = 16;

/** The MATCH expression for `text`, or null when it has no words (then: no text filter). */
export function ftsMatchExpression(text: string | undefined | null): string | null {
  if (!text) return null;
  const words = text.normalize('NFC').match(WORD);
  if (!words || words.length === 0) return null;
  const kept = words.slice(0, MAX_WORDS);
  const quoted = kept.map((word) => `"${word}"`);
  // A one-letter prefix matches most of a large library and costs tens of ms; the results start
  // to follow the typing from the second letter.
  if ((kept[kept.length - 1] ?? '').length >= 2) quoted[quoted.length - 1] = `${quoted[quoted.length - 1]}*`;
  return quoted.join(' AND ');
}
