import { join } from 'node:path';
import { clipFile } from '../main/demo/clips';
import { STRIP_FRAMES } from '../shared/domain/frames';
import { ASPECT_RATIOS } from '../shared/domain/params';
import { addFinishedVideo } from '../test/helpers/library-videos';
import { startDemoStudio } from './lib/demo-studio';
import { check, table, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const CLIPS = arg('--clips', 10);
const CLIP_SECONDS = 5;
const MEDIA = join(import.meta.dirname, '..', 'main', 'demo', 'media');
const SIZES: Record<string, [number, number]> = {
  '16:9': [480, 270],
  '9:16': [270, 480],
  '1:1': [360, 360],
  '4:3': [360, 270],
  '3:4': [270, 360],
};

async function run(engine: 'webcodecs' | 'video-element') {
  const studio = await startDemoStudio('frames');
  const { host, browser } = studio;
  try {
    const library = host.core.library();
    const ids = Array.from({ length: CLIPS }, (_, index) => {
      const ratio = ASPECT_RATIOS[index % ASPECT_RATIOS.length] ?? '16:9';
      const [width, height] = SIZES[ratio] ?? [480, 270];
      return addFinishedVideo(library, `bench clip ${index + 1} ${ratio}`, {
        file: join(MEDIA, clipFile(ratio, false)),
        width,
        height,
        durationMs: CLIP_SECONDS * 1000,
      });
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    if (engine === 'video-element') {
      await page.addInitScript(() => {
        // No WebCodecs: the frame engine falls back to seeking a <video>.
        Reflect.deleteProperty(window, 'VideoDecoder');
      });
    }
    await page.goto(host.signInUrl());
    await page.getByTestId('nav-library').click();
    const openedAt = performance.now();
    const storedAt = new Map<string, number>();
    const deadline = openedAt + 120_000;
    while (storedAt.size < ids.length && performance.now() < deadline) {
      for (const id of ids) {
        if (!storedAt.has(id) && library.getGeneration(id)?.video?.stripRelPath)
          storedAt.set(id, performance.now());
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (storedAt.size < ids.length)
      throw new Error(`${engine}: only ${storedAt.size} of ${ids.length} strips made`);
    const times = [...storedAt.values()].sort((a, b) => a - b);
    // The first includes opening the page's decoder; each next one is one clip's poster + strip.
    const perClip = times.map(
      (at, index) => (at - (index === 0 ? openedAt : (times[index - 1] ?? 0))) / 1000,
    );
    await context.close();
    return { engine, perClipSeconds: perClip, totalSeconds: ((times.at(-1) ?? 0) - openedAt) / 1000 };
  } finally {
    await studio.close();
  }
}

const runs = [await run('webcodecs'), await run('video-element')];
const rows = runs.map((result) => {
  const steady = summarize(result.perClipSeconds.slice(1));
  return {
    engine: result.engine,
    first: round(result.perClipSeconds[0] ?? 0, 2),
    median: round(steady.p50, 3),
    max: round(steady.max, 3),
    ratio: round(steady.p50 / CLIP_SECONDS, 3),
    total: round(result.totalSeconds, 2),
  };
});
console.log(
  table(
    ['engine', 'first clip s', 'median per clip s', 'max per clip s', 'median ÷ clip length', 'all clips s'],
    rows.map((row) => [row.engine, row.first, row.median, row.max, row.ratio, row.total]),
  ),
);
const [webcodecs, fallback] = rows;
writeResult({
  name: 'frames',
  title: `Frames: poster + ${STRIP_FRAMES}-frame strip per ${CLIP_SECONDS} s demo clip in Debian Chromium (${CLIPS} clips)`,
  headlines: [
    check(
      'WebCodecs: poster + strip per clip ÷ clip length (median)',
      webcodecs?.ratio ?? 0,
      '≤ 0.1',
      (webcodecs?.ratio ?? 1) <= 0.1,
    ),
    check('WebCodecs: worst clip (s)', webcodecs?.max ?? 0, '', null),
    check(
      '<video> fallback: per clip ÷ clip length (median)',
      fallback?.ratio ?? 0,
      '≤ 0.3',
      (fallback?.ratio ?? 1) <= 0.3,
    ),
  ],
  details: { runs },
  setup: {
    clips: CLIPS,
    clipSeconds: CLIP_SECONDS,
    viewport: '1440x900',
    chromium: 'Debian /usr/bin/chromium',
  },
});
