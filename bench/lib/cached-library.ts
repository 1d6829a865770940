// A synthetic library for the query benchmarks, seeded once and kept under bench/.cache/ (git
// ignores it): a million rows take minutes to seed on a loaded machine and about a gigabyte, so the
// 1M bench seeds on its first run only. The cache is keyed by the row count and a hash of what
// shapes the data (the seeder, the migrations, the count tables); a seed that did not finish is
// never reused (it is written next to the cache and renamed into place at the end).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryContext, openLibrary } from '../../main/core/library/library';
import { seedSyntheticLibrary } from '../../test/helpers/synthetic-library';

const ROOT = join(import.meta.dirname, '..', '..');
export const CACHE_DIR = join(ROOT, 'bench', '.cache');
const SHAPING_FILES = [
  'test/helpers/synthetic-library.ts',
  'main/core/library/migrations.ts',
  'main/core/library/count-tables.ts',
  'main/core/library/search-index.ts',
  'main/core/library/search-terms.ts',
];

export interface SeedInfo {
  rows: number;
  /** Rows per second of the bulk load that made it (one transaction). */
  insertRate: number;
  seededAt: string;
}

export function cacheKey(rows: number): string {
  const hash = createHash('sha256');
  for (const file of SHAPING_FILES) hash.update(readFileSync(join(ROOT, file)));
  return `library-${rows}-${hash.digest('hex').slice(0, 10)}`;
}

/** Seeds `root` (an empty folder) with `rows` generations; the insert rate of the load. */
export function seedInto(root: string, rows: number, endAt: number): SeedInfo {
  const store = openLibrary({ root });
  try {
    const seeded = seedSyntheticLibrary(store, rows, { endAt });
    libraryContext(store).db.pragma('wal_checkpoint(TRUNCATE)');
    const insertRate = Math.round(rows / (seeded.elapsedMs / 1000));
    console.log(`seeded ${rows} rows in ${(seeded.elapsedMs / 1000).toFixed(1)} s (${insertRate} rows/s)`);
    return { rows, insertRate, seededAt: new Date().toISOString() };
  } finally {
    store.close();
  }
}

/** The cached library of `rows` generations, seeding it first if there is none for this code. */
export function cachedLibrary(rows: number, endAt: number): { root: string; seed: SeedInfo; fresh: boolean } {
  const root = join(CACHE_DIR, cacheKey(rows));
  const infoFile = join(root, 'seed.json');
  if (existsSync(infoFile)) {
    return { root, seed: JSON.parse(readFileSync(infoFile, 'utf8')) as SeedInfo, fresh: false };
  }
  // Libraries of this size made by older code are stale: free their disk first.
  for (const old of existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR) : []) {
    if (old.startsWith(`library-${rows}-`)) rmSync(join(CACHE_DIR, old), { recursive: true, force: true });
  }
  const partial = `${root}.partial`;
  mkdirSync(partial, { recursive: true });
  const seed = seedInto(partial, rows, endAt);
  writeFileSync(join(partial, 'seed.json'), `${JSON.stringify(seed, null, 2)}\n`);
  renameSync(partial, root);
  return { root, seed, fresh: true };
}
