// 4. Library query latency at scale: seeds a synthetic library (default 100 000 rows) and prints
// p50/p95 of the grid's queries, first page (total not cached) and later pages (keyset, cached
// total), plus search-as-you-type; the headlines (search p50/p95, filtered keyset page p95, insert
// rate, database size) go to bench/results/library.json. Numbers are for comparing runs on one
// machine, not absolute truths.
//
//   node bench/run.mjs library [-- --rows N] [--keep] [--root DIR] [--only WORD] [--cache]
//   node bench/run.mjs million          the same at 1 000 000 rows, against bench/.cache/
// --keep leaves the seeded library in place; --root reuses one (no seeding); --cache seeds once
// into bench/.cache/ and reuses it (the default from 500 000 rows); --only runs the cases whose
// label contains WORD. Results of a run of 1 000 000 rows or more go to million.json.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryContext, openLibrary } from '../main/core/library/library';
import type { LibraryQuery } from '../main/core/library/types';
import { cachedLibrary, seedInto } from './lib/cached-library';
import { check, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const rows = Number(option('--rows') ?? process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const END = Date.UTC(2025, 10, 1);
const DAY = 24 * 3600 * 1000;
const cached = option('--root') === undefined && (process.argv.includes('--cache') || rows >= 500_000);
const reuse = cached ? cachedLibrary(rows, END) : undefined;
const only = option('--only');
const keep = process.argv.includes('--keep') || option('--root') !== undefined || cached;
const root = option('--root') ?? reuse?.root ?? mkdtempSync(join(tmpdir(), 'wan-bench-library-'));
const resultName = rows >= 1_000_000 ? 'million' : 'library';

/** Every sample, by group, for the headline figures. */
const samples: Record<
  'search' | 'searchNext' | 'filteredFirst' | 'filteredNext' | 'prefixPages' | 'startReads',
  number[]
> = {
  prefixPages: [],
  startReads: [],
  search: [],
  searchNext: [],
  filteredFirst: [],
  filteredNext: [],
};

function measure(label: string, run: () => unknown, iterations: number, before?: () => void): number[] {
  const taken: number[] = [];
  for (let i = 0; i < iterations; i++) {
    before?.();
    const start = performance.now();
    run();
    taken.push(performance.now() - start);
  }
  const { p50, p95 } = summarize(taken);
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`,
  );
  return taken;
}

let insertRate: number | null = reuse?.seed.insertRate ?? null;
if (!reuse && option('--root') === undefined) insertRate = seedInto(root, rows, END).insertRate;
const store = openLibrary({ root });
try {
  console.log(`library of ${store.query({ limit: 1 }).total} generations at ${root}`);
  const project = store.listProjects()[0]?.id;
  let bump = 0;
  // Any write invalidates the cached totals: this makes every sample a first page.
  const invalidate = () => store.setSetting('bench.bump', bump++);

  const filtered: [string, LibraryQuery][] = [
    ['no filter', {}],
    ['resolution', { resolution: '1080p' }],
    ['mode + duration', { mode: 'image-to-video', duration: 10 }],
    ['project', { projectId: project }],
    ['favourites', { favourite: true }],
    ['states failed+expired', { states: ['failed', 'expired'] }],
    ['tag', { tag: 'retro' }],
    ['last 30 days', { createdFrom: END - 30 * DAY }],
    ['rating sort', { sort: 'rating_desc' }],
    ['oldest first', { sort: 'created_asc' }],
    ['trash', { trashed: true }],
  ];
  const searches: [string, LibraryQuery][] = [
    ['"mo" (2-letter prefix)', { text: 'mo' }],
    ['"mount"', { text: 'mount' }],
    ['"fox"', { text: 'fox' }],
    ['"red fox gold"', { text: 'red fox gold' }],
    ['"client liked" (notes)', { text: 'client liked' }],
    ['"retro" (tag text)', { text: 'retro' }],
    ['"zzzz" (no match)', { text: 'zzzz' }],
    ['"fox" + 1080p', { text: 'fox', resolution: '1080p' }],
    ['"fox" + project', { text: 'fox', projectId: project }],
    ['"fox" rating sort', { text: 'fox', sort: 'rating_desc' }],
  ];

  for (const [group, cases, first, next] of [
    ['filtered keyset page (100 rows)', filtered, samples.filteredFirst, samples.filteredNext],
    ['search page (100 rows)', searches, samples.search, samples.searchNext],
  ] as const) {
    console.log(`\n${group}`);
    for (const [label, query] of cases) {
      if (only && !label.includes(only)) continue;
      store.query({ ...query, limit: 100 }); // warm the statement cache
      first.push(
        ...measure(`${label} — first page`, () => store.query({ ...query, limit: 100 }), 30, invalidate),
      );
      const second = store.query({ ...query, limit: 100 }).nextCursor;
      if (second)
        next.push(
          ...measure(`${label} — next page`, () => store.query({ ...query, limit: 100, cursor: second }), 30),
        );
    }
  }

  if (!only || 'prefix'.includes(only)) {
    // Search-as-you-type's worst case: a two-letter prefix matching most of the library, paged
    // through as the grid scrolls (each page with its cached total, as the grid asks).
    console.log('\n"mo" prefix, pages 1–30 in order');
    let cursor: string | null | undefined;
    for (let page = 0; page < 30; page++) {
      const start = performance.now();
      const result = store.query({ text: 'mo', limit: 100, ...(cursor ? { cursor } : {}) });
      samples.prefixPages.push(performance.now() - start);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    const prefix = summarize(samples.prefixPages);
    console.log(
      `${'every page'.padEnd(44)} p50 ${prefix.p50.toFixed(2).padStart(7)} ms   max ${prefix.max.toFixed(2).padStart(7)} ms`,
    );
  }

  if (!only) {
    console.log("\nother reads (the grid's start-up calls first)");
    samples.startReads.push(...measure('listProjects', () => store.listProjects(), 20));
    samples.startReads.push(...measure('listTags', () => store.listTags(), 20));
    samples.startReads.push(...measure('countByState', () => store.countByState(), 20));
    measure('listActive', () => store.listActive(), 20);
    measure('costTimeHistory', () => store.costTimeHistory('720p', 5), 20);
  }
  if (!only) reportHeadlines();
} finally {
  store.close();
  if (keep) console.log(`\nlibrary kept at ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

function reportHeadlines(): void {
  const db = join(root, '.wanstudio', 'library.db');
  libraryContext(store).db.pragma('wal_checkpoint(TRUNCATE)'); // size of the data, not of the log
  const bytes = statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const search = summarize(samples.search);
  const page = summarize(samples.filteredNext);
  const firstPage = summarize(samples.filteredFirst);
  const prefix = summarize(samples.prefixPages);
  const startReads = summarize(samples.startReads);
  const ms = (value: number) => round(value, 2);
  // The issue's targets: 10 ms at 100 000 rows, 20 ms at a million (first page with its total too).
  const searchTarget = rows >= 1_000_000 ? 20 : 10;
  const firstTarget = rows >= 1_000_000 ? 20 : null;
  writeResult({
    name: resultName,
    title: `Library: ${rows.toLocaleString('en')} synthetic generations`,
    headlines: [
      check('FTS search p50 (ms, first page of 100)', ms(search.p50), '', null),
      check(
        'FTS search p95 (ms, first page of 100)',
        ms(search.p95),
        `≤ ${searchTarget}`,
        search.p95 <= searchTarget,
      ),
      check('filtered keyset page p95 (ms, 100 rows)', ms(page.p95), '≤ 5', page.p95 <= 5),
      check(
        'filtered first page with total p95 (ms)',
        ms(firstPage.p95),
        firstTarget ? `≤ ${firstTarget}` : '',
        firstTarget ? firstPage.p95 <= firstTarget : null,
      ),
      check('prefix "mo", slowest of pages 1–30 (ms)', ms(prefix.max), '≤ 10', prefix.max <= 10),
      check(
        'listProjects / listTags / countByState, slowest call (ms)',
        ms(startReads.max),
        '≤ 10',
        startReads.max <= 10,
      ),
      check(
        `insert rate (rows/s, one transaction${reuse && !reuse.fresh ? `, when the cache was seeded ${reuse.seed.seededAt.slice(0, 10)}` : ''})`,
        insertRate ?? 'n/a',
        '',
        null,
      ),
      check('database size (MB, after checkpoint)', round(bytes / 1024 / 1024, 1), '', null),
    ],
    details: {
      search,
      searchNext: summarize(samples.searchNext),
      filteredFirst: firstPage,
      filteredNext: page,
      prefixPages: prefix,
      startReads,
    },
    setup: { rows, reused: reuse !== undefined },
  });
}
