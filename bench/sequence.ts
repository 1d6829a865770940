// Sequence export. The browser host in Debian's Chromium: a 60 s sequence (twelve 5 s demo clips,
// 16:9, 9:16, 1:1, 4:3 and 3:4, half of them with sound; letterboxed to the first clip's 480×270)
// exported with the page's WebCodecs, timed from the Export click to the saved library video, as a
// ratio of the sequence's own length.
//
//   node bench/run.mjs sequence [--runs 2]
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startDemoStudio } from './lib/demo-studio';
import { check, table, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = arg('--runs', 2);
const MEDIA = join(import.meta.dirname, '..', 'main', 'demo', 'media');
const studio = await startDemoStudio('sequence');
const { host, browser } = studio;

try {
  // Ten distinct clips (the library keeps one copy of each), two used twice: 12 × 5 s = 60 s.
  const files = readdirSync(MEDIA)
    .filter((name) => name.endsWith('.mp4'))
    .sort((a, b) => Number(a.includes('9x16')) - Number(b.includes('9x16')));
  await host.core.api.library.importPaths({ paths: files.map((name) => join(MEDIA, name)) });
  const ids = host.core
    .library()
    .query({ sort: 'created_asc', limit: 100 })
    .items.map((item) => item.id);
  const clips = [...ids, ...ids.slice(0, 2)];
  const sequence = await host.core.api.sequences.create({
    name: 'Bench 60 s',
    projectId: null,
    generationIds: clips,
  });
  const lengthSec = clips.length * 5;

  const seconds: number[] = [];
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(host.signInUrl());
  await page.getByTestId('nav-sequences').click();
  await page.getByRole('button', { name: /Bench 60 s/ }).click();
  for (let run = 0; run < RUNS; run++) {
    await page.getByRole('button', { name: 'Export MP4' }).click();
    const started = performance.now();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-done').waitFor({ timeout: 600_000 });
    seconds.push((performance.now() - started) / 1000);
    await page.getByRole('button', { name: 'Close' }).last().click();
  }
  const exportSec = summarize(seconds);
  const ratio = round(exportSec.p50 / lengthSec, 3);
  console.log(
    table(
      ['run', 'export s', 'ratio to 60 s'],
      seconds.map((value, index) => [index + 1, round(value, 2), round(value / lengthSec, 3)]),
    ),
  );
  writeResult({
    name: 'sequence',
    title: `Sequence export: ${clips.length} clips, ${lengthSec} s, in Chromium's WebCodecs`,
    headlines: [
      check('export time ÷ sequence length (median)', ratio, '≤ 1 (faster than real time)', ratio <= 1),
      check('export time, s (median)', round(exportSec.p50, 2), '', null),
    ],
    // A loaded machine slows the software encoder as much as anything: the load is part of the result.
    details: { seconds, sequenceId: sequence.id, loadAverage: loadavg()[0] },
    setup: { runs: RUNS, clips: clips.length, lengthSec, fit: 'letterbox', size: '480×270' },
  });
} finally {
  await studio.close();
}
