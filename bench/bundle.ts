// 7. Renderer bundle: the JavaScript the first paint needs (the entry script, the chunks index.html
// preloads, and the shell's strings in the UI language) against what is loaded later (each view's
// chunk and words, prefetched right after the first paint). Reads dist/renderer as `npm run build`
// leaves it (builds it when missing). With --base <commit>, that commit's renderer is measured too.
//
//   node bench/run.mjs bundle [--base 697f2d5]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstPaintBytes, readFirstPaint } from '../test/helpers/renderer-bundle';
import { baseCommitArg, baseRendererDir } from './lib/base-renderer';
import { check, type Headline, table, writeResult } from './lib/report';
import { round } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist', 'renderer');
if (!existsSync(join(DIST, 'index.html'))) {
  const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const kb = (bytes: number) => round(bytes / 1024, 1);
const ours = readFirstPaint(DIST);
const english = firstPaintBytes(ours, 'en');
const russian = firstPaintBytes(ours, 'ru');
const zodFirst = ours.sources.some((source) => source.path.includes('node_modules/zod/'));
const lazy = ours.files.filter((file) => !file.initial);
console.log(
  table(
    ['chunk', 'KB', 'gzip KB', 'loaded'],
    ours.files.map((file) => [
      file.name,
      kb(file.raw),
      kb(file.gzip),
      file.initial
        ? 'first paint'
        : Object.values(ours.strings).includes(file)
          ? 'first paint (its language)'
          : 'on demand',
    ]),
  ),
);
const headlines: Headline[] = [
  check(
    'initial renderer JS, English (KB: entry + preloads + shell strings)',
    kb(english.raw),
    '≤ 350',
    english.raw <= 350 * 1024,
  ),
  check('initial renderer JS, Russian (KB)', kb(russian.raw), '≤ 350', russian.raw <= 350 * 1024),
  check('initial renderer JS gzip, English (KB)', kb(english.gzip), '', null),
  check('zod in the first paint', zodFirst ? 'yes' : 'no', 'no', !zodFirst),
  check(
    'chunks loaded on demand (prefetched after the first paint)',
    lazy.length,
    '≥ 4 (one per view)',
    lazy.length >= 4,
  ),
];
const baseCommit = baseCommitArg();
if (baseCommit) {
  const base = firstPaintBytes(readFirstPaint(baseRendererDir(baseCommit)), 'en');
  headlines.push(
    check(`base ${baseCommit.slice(0, 7)}: initial renderer JS, English (KB)`, kb(base.raw), '', null),
    check('initial renderer JS ÷ base', round(english.raw / base.raw, 2), '', null),
  );
}
writeResult({
  name: 'bundle',
  title: 'Renderer bundle (dist/renderer)',
  headlines,
  details: { files: ours.files },
  setup: { base: baseCommit },
});
