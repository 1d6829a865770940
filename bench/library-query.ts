// Library query latency at scale: seeds a synthetic library (default 100 000 rows) and prints
// p50/p95 of the grid's queries, first page (total not cached) and later pages (cached), plus
// search-as-you-type. Numbers are for comparing runs on one machine, not absolute truths.
//
//   node node_modules/jiti/lib/jiti-cli.mjs bench/library-query.ts [rows] [--keep] [--root DIR] [--only WORD]
// --keep leaves the seeded library in place; --root reuses one (no seeding); --only runs the cases
// whose label contains WORD.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../main/core/library/library';
import { seedSyntheticLibrary } from '../main/core/library/synthetic';
import type { LibraryQuery } from '../main/core/library/types';

const rows = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const reuse = option('--root');
const only = option('--only');
const keep = process.argv.includes('--keep') || reuse !== undefined;
const root = reuse ?? mkdtempSync(join(tmpdir(), 'wan-bench-library-'));
const END = Date.UTC(2025, 10, 1);
const DAY = 24 * 3600 * 1000;

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

function measure(label: string, run: () => unknown, iterations: number, before?: () => void): void {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    before?.();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  const { p50, p95 } = percentiles(samples);
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`,
  );
}

const store = openLibrary({ root });
try {
  if (!reuse) {
    const seeded = seedSyntheticLibrary(store, rows, { endAt: END });
    const rate = Math.round(rows / (seeded.elapsedMs / 1000));
    console.log(`seeded ${rows} rows in ${(seeded.elapsedMs / 1000).toFixed(1)} s (${rate} rows/s)`);
  }
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

  for (const [group, cases] of [
    ['filtered keyset page (100 rows)', filtered],
    ['search page (100 rows)', searches],
  ] as const) {
    console.log(`\n${group}`);
    for (const [label, query] of cases) {
      if (only && !label.includes(only)) continue;
      store.query({ ...query, limit: 100 }); // warm the statement cache
      measure(`${label} — first page`, () => store.query({ ...query, limit: 100 }), 30, invalidate);
      const second = store.query({ ...query, limit: 100 }).nextCursor;
      if (second)
        measure(`${label} — next page`, () => store.query({ ...query, limit: 100, cursor: second }), 30);
    }
  }

  if (!only) {
    console.log('\nother reads');
    measure('listProjects', () => store.listProjects(), 20);
    measure('listTags', () => store.listTags(), 20);
    measure('countByState', () => store.countByState(), 20);
    measure('listActive', () => store.listActive(), 20);
    measure('costTimeHistory', () => store.costTimeHistory('720p', 5), 20);
  }
} finally {
  store.close();
  if (keep) console.log(`\nlibrary kept at ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
