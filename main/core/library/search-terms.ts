// Every term the search index holds, in a plain table, so a typed prefix of 4+ letters can be
// rewritten as the terms it stands for ("mount"* → "mountain"). The FTS prefix index covers 2 and
// 3 letters; for a longer prefix FTS5 merges the whole match list of every term before it returns
// one row (15–35 ms at a million rows, whatever the LIMIT or rowid range), where an OR of the same
// terms is read lazily (0.2 ms for a page). The table may hold terms no row uses any more (they
// match nothing, so an OR over them gives the same rows); it must never miss one, so every write
// of the index records its terms here (./search-index.ts).
//
// Terms are what the tokenizer makes of the text (lower case, no diacritics, porter stems), so
// they come from SQLite's own tokenizer: an in-memory FTS5 table on a private connection, which
// leaves the library's connection and its change counters alone.
import Database, { type Database as Db } from 'better-sqlite3';
import type { LibraryContext } from './context';

/** The tokenizer of generations_fts (migration 2 spells it out; a test keeps the two equal). */
export const FTS_TOKENIZE = 'porter unicode61 remove_diacritics 2';

let probe: Db | undefined;

function probeDb(): Db {
  if (!probe) {
    probe = new Database(':memory:');
    probe.exec(`
      CREATE VIRTUAL TABLE probe USING fts5(text, content = '', tokenize = '${FTS_TOKENIZE}');
      CREATE VIRTUAL TABLE probe_tokens USING fts5vocab(probe, instance);
    `);
  }
  return probe;
}

/** The tokens of each text, in order, as the search index would store them. */
export function tokenize(texts: readonly string[]): string[][] {
  const db = probeDb();
  const insert = db.prepare('INSERT INTO probe(rowid, text) VALUES (?, ?)');
  return db.transaction(() => {
    for (const [index, text] of texts.entries()) insert.run(index + 1, text);
    const rows = db.prepare('SELECT doc, term, offset FROM probe_tokens').all() as {
      doc: number;
      term: string;
      offset: number;
    }[];
    db.exec(`INSERT INTO probe(probe) VALUES ('delete-all')`);
    const tokens = texts.map(() => [] as { term: string; offset: number }[]);
    for (const row of rows) tokens[row.doc - 1]?.push(row);
    return tokens.map((list) => list.sort((a, b) => a.offset - b.offset).map((token) => token.term));
  })();
}

/** Migration: the table, filled from the index a library already has. */
export function createSearchTerms(db: Db): void {
  db.exec('CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;');
  recordEveryTerm(db);
}

/** Records every term of the index (bulk loads: one pass over the index beats a probe per row). */
export function recordEveryTerm(db: Db): void {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.generations_fts_vocab USING fts5vocab(main, generations_fts, row);
    INSERT OR IGNORE INTO search_terms(term) SELECT term FROM temp.generations_fts_vocab;
  `);
}

/** Records the terms of one generation's indexed text. */
export function recordTermsOf(ctx: LibraryContext, id: string): void {
  const row = ctx
    .stmt(
      `SELECT prompt, negative_prompt, notes, tags FROM generations_fts
       WHERE rowid = (SELECT seq FROM generations WHERE id = ?)`,
    )
    .raw()
    .get(id) as (string | null)[] | undefined;
  if (!row) return;
  const terms = [...new Set(tokenize([row.join('\n')])[0])];
  if (terms.length === 0) return;
  ctx
    .stmt('INSERT OR IGNORE INTO search_terms(term) SELECT value FROM json_each(?)')
    .run(JSON.stringify(terms));
}

/** Stored terms starting with `prefix` (a token), up to `limit` + 1 of them. */
export function termsStartingWith(ctx: LibraryContext, prefix: string, limit: number): string[] {
  // BINARY order is UTF-8 byte order, where U+10FFFF sorts after anything that starts with prefix.
  const terms = ctx
    .stmt('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?')
    .pluck()
    .all(prefix, `${prefix}\u{10FFFF}`, limit + 1) as string[];
  return terms.filter((term) => term.startsWith(prefix));
}
