// The MATCH expression a library query runs: ./fts.ts's, with a last word of 4+ letters (after
// stemming) rewritten as the OR of the indexed terms it is a prefix of (./search-terms.ts).
// FTS5 answers a prefix with no prefix index by merging every matching term's full list first;
// an OR of the same terms is read lazily, so a page of "mount" costs what a page of "mountain"
// does. The rewrite is used only when it is provably the same: the typed word is one token, and
// each term reads back as itself (a quoted term is tokenized again, and a stem of a stem may
// differ). Otherwise, or with too many terms, the plain prefix runs.
import type { LibraryContext } from './context';
import { expressionOf, ftsWords } from './fts';
import { termsStartingWith, tokenize } from './search-terms';
import { memoInVersion } from './version-memo';

/** Above this many terms the OR is no cheaper than the prefix: keep the prefix. */
export const MAX_PREFIX_TERMS = 64;
/** Prefixes up to this many characters are served by the FTS prefix index (migration 2). */
const PREFIX_INDEX_MAX = 3;

function termsOr(ctx: LibraryContext, word: string): string | null {
  const [tokens = []] = tokenize([word]);
  const [token] = tokens;
  if (tokens.length !== 1 || token === undefined || [...token].length <= PREFIX_INDEX_MAX) return null;
  const terms = termsStartingWith(ctx, token, MAX_PREFIX_TERMS);
  if (terms.length === 0 || terms.length > MAX_PREFIX_TERMS) return null;
  const readBack = tokenize(terms);
  if (readBack.some((read, index) => read.length !== 1 || read[0] !== terms[index])) return null;
  const quoted = terms.map((term) => `"${term}"`);
  return quoted.length === 1 ? (quoted[0] ?? null) : `(${quoted.join(' OR ')})`;
}

/** The MATCH expression for `text` in this library, or null when it has no words. */
export function searchMatch(ctx: LibraryContext, text: string | undefined | null): string | null {
  const parsed = ftsWords(text);
  if (!parsed) return null;
  const plain = expressionOf(parsed);
  const last = parsed.words[parsed.words.length - 1];
  if (!parsed.prefix || last === undefined) return plain;
  return memoInVersion(ctx, `match|${plain}`, () => {
    const or = termsOr(ctx, last);
    return or === null ? plain : expressionOf(parsed, or);
  });
}
