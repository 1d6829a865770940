// 7. Renderer bundle: the JavaScript the first paint needs (the entry script and the chunks
// index.html preloads) against what is loaded later (each view's chunk, prefetched when idle).
// Reads dist/renderer as `npm run build` leaves it (builds it when missing).
//
//   node bench/run.mjs bundle
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { check, table, writeResult } from './lib/report';
import { round } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist', 'renderer');
if (!existsSync(join(DIST, 'index.html'))) {
  const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initialNames = [
  ...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g),
  ...html.matchAll(/<link rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g),
].map((match) => match[1] ?? '');
const all = readdirSync(join(DIST, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `assets/${name}`);
const kb = (bytes: number) => round(bytes / 1024, 1);
const sizeOf = (name: string) => {
  const bytes = readFileSync(join(DIST, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length, initial: initialNames.includes(name) };
};
const files = all.map(sizeOf).sort((a, b) => b.raw - a.raw);
const initial = files.filter((file) => file.initial);
const initialRaw = initial.reduce((sum, file) => sum + file.raw, 0);
const initialGzip = initial.reduce((sum, file) => sum + file.gzip, 0);
const lazy = files.filter((file) => !file.initial);
console.log(
  table(
    ['chunk', 'KB', 'gzip KB', 'loaded'],
    files.map((file) => [file.name, kb(file.raw), kb(file.gzip), file.initial ? 'first paint' : 'on demand']),
  ),
);
writeResult({
  name: 'bundle',
  title: 'Renderer bundle (dist/renderer)',
  headlines: [
    check('initial renderer JS (KB, entry + preloads)', kb(initialRaw), '≤ 350', initialRaw <= 350 * 1024),
    check('initial renderer JS gzip (KB)', kb(initialGzip), '', null),
    check(
      'chunks loaded on demand (prefetched when idle)',
      lazy.length,
      '≥ 4 (one per view)',
      lazy.length >= 4,
    ),
  ],
  details: { files },
  setup: {},
});
