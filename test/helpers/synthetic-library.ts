// Fills a library with realistic-looking generations for UI tests and benchmarks: prompts built
// from word lists, projects, tags, ratings, notes, mostly finished states with (fake) video rows,
// creation dates spread over a period. Everything goes in one transaction through prepared
// statements, which is what makes 100 000 rows take seconds instead of minutes. Deterministic for
// a given `seed` except for the ids (which carry real randomness). No files are written.

import { withCountsDeferred } from '../../main/core/library/count-tables';
import { refreshPlannerStatistics } from '../../main/core/library/db';
import { newId } from '../../main/core/library/ids';
import { libraryContext } from '../../main/core/library/library';
import { indexGenerationsAfter } from '../../main/core/library/search-index';
import type { Backend, LibraryStore } from '../../main/core/library/types';
import { seededRandom } from '../../main/core/random';
import type { AspectRatio, Duration, Mode, Resolution } from '../../shared/domain/params';
import { MODEL_ID } from '../../shared/domain/params';
import { estimateCostUsd } from '../../shared/domain/pricing';
import type { GenerationState } from '../../shared/domain/states';

export interface SyntheticOptions {
  /** PRNG seed; the same seed gives the same prompts, states and dates. Default 1. */
  seed?: number;
  /** Number of projects to create (about 70% of generations get one). Default 8. */
  projects?: number;
  /** Creation dates are spread over the `spanDays` before `endAt`. Defaults: 365 days, the store clock's now. */
  spanDays?: number;
  endAt?: number;
  /** Also create a few queued/processing rows (the job engine would try to resume them). Default false. */
  includeActive?: boolean;
  /**
   * Backend recorded on the rows. Default 'demo', so made-up cost times never teach the poll plan
   * of the real API (costTimeHistory is per backend).
   */
  backend?: Backend;
}

export interface SyntheticResult {
  inserted: number;
  projectIds: string[];
  elapsedMs: number;
}

const SUBJECTS = [
  'a red fox',
  'an old lighthouse',
  'a paper boat',
  'a lone astronaut',
  'a koi pond',
  'a steam train',
  'a hummingbird',
  'a neon city street',
  'a snow leopard',
  'a glass of iced tea',
  'a vintage car',
  'a dancer in a white dress',
  'a mountain village',
  'a jellyfish',
  'a robot barista',
  'a sunflower field',
  'a medieval castle',
  'a sailboat',
  'a cup of coffee',
  'a waterfall',
  'a café terrace',
  'a dragon kite',
];
const ACTIONS = [
  'drifting slowly',
  'turning toward the camera',
  'glowing softly',
  'moving through fog',
  'spinning gently',
  'reflected in water',
  'waking at dawn',
  'caught in the rain',
  'running across the frame',
  'floating upward',
];
const SETTINGS = [
  'over snowy mountains',
  'at golden hour',
  'under a starry sky',
  'in a misty forest',
  'by the sea',
  'in a busy market',
  'on a quiet rooftop',
  'inside a greenhouse',
  'across a desert',
  'beside a frozen lake',
];
const STYLES = [
  'cinematic lighting',
  'shot on 35mm film',
  'watercolor style',
  'hyperrealistic',
  'studio ghibli style',
  'moody color grade',
  'pastel palette',
  'high contrast noir',
  'soft bokeh',
  'documentary feel',
];
const CAMERAS = [
  'slow dolly in',
  'aerial drone shot',
  'handheld close-up',
  'static wide shot',
  'orbiting camera',
];
const NEGATIVES = [
  'blurry, low quality',
  'text, watermark',
  'distorted faces',
  'oversaturated',
  'jitter, flicker',
];
const TAGS = [
  'favourite-look',
  'client',
  'draft',
  'final',
  'b-roll',
  'nature',
  'city',
  'portrait',
  'animals',
  'ads',
  'social',
  'test',
  'music-video',
  'storyboard',
  'night',
  'water',
  'retro',
  'sci-fi',
  'food',
  'travel',
];
const PROJECT_NAMES = [
  'Brand Film',
  'Travel Reel',
  'Music Video',
  'Pitch Deck',
  'Social Spring',
  'Nature Doc',
  'Experiments',
  'Client A',
  'Client B',
  'Short Film',
  'Lookbook',
  'Moodboard',
];
const NOTES = [
  'use this for the intro',
  'client liked this one',
  'try again with a slower camera',
  'too dark',
];
const FAIL_CODES: [string, string][] = [
  ['CONTENT_POLICY', 'The prompt was rejected by the content policy'],
  ['TIMEOUT', 'Generation timed out'],
  ['INTERNAL', 'Internal error, please retry'],
];

const DIMENSIONS: Record<'720p' | '1080p', Record<'16:9' | '9:16' | '1:1', [number, number]>> = {
  '720p': { '16:9': [1280, 720], '9:16': [720, 1280], '1:1': [720, 720] },
  '1080p': { '16:9': [1920, 1080], '9:16': [1080, 1920], '1:1': [1080, 1080] },
};

function fakeSha256(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 8; i++)
    hex += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return hex;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export function seedSyntheticLibrary(
  store: LibraryStore,
  count: number,
  options: SyntheticOptions = {},
): SyntheticResult {
  const started = performance.now();
  const ctx = libraryContext(store);
  const { db } = ctx;
  const random = seededRandom(options.seed ?? 1);
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const endAt = options.endAt ?? ctx.clock.now();
  const spanMs = (options.spanDays ?? 365) * 24 * 3600 * 1000;

  const insertProject = db.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)');
  const insertGeneration = db.prepare(
    `INSERT INTO generations (id, project_id, batch_id, model, backend, mode, prompt, negative_prompt, resolution, duration,
       aspect_ratio, image_url, seed, prompt_expansion, provider, request_type, state, task_id, fail_code, fail_msg,
       error_kind, error_message, created_at, updated_at, submitted_at, completed_at, remote_create_time,
       remote_complete_time, cost_time_ms, estimated_cost_usd, result_url, poll_count, favourite, rating, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO generation_events (generation_id, from_state, to_state, at) VALUES (?, ?, ?, ?)',
  );
  const insertVideo = db.prepare(
    `INSERT INTO videos (id, generation_id, rel_path, bytes, sha256, width, height, duration_ms, poster_rel_path,
       created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const insertGenerationTag = db.prepare('INSERT INTO generation_tags (generation_id, tag_id) VALUES (?, ?)');
  const projectName = db.prepare('SELECT 1 FROM projects WHERE name = ?');

  // The count triggers are off for the load and the counts recomputed once (nearly twice the rate).
  const load = () => {
    const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM generations').pluck().get() as number;
    const projectIds: { id: string; slug: string }[] = [];
    for (let i = 0; i < (options.projects ?? 8); i++) {
      let name = PROJECT_NAMES[i % PROJECT_NAMES.length] ?? 'Project';
      if (i >= PROJECT_NAMES.length) name = `${name} ${Math.floor(i / PROJECT_NAMES.length) + 1}`;
      if (projectName.get(name)) continue;
      const id = newId(endAt - spanMs);
      insertProject.run(id, name, endAt - spanMs);
      projectIds.push({ id, slug: slug(name) });
    }
    const tagIds = TAGS.map((name) => {
      upsertTag.run(name);
      return tagId.get(name) as number;
    });
    // Ascending times, so each id (made from its creation time) sorts like its row.
    const times = Array.from({ length: count }, () => Math.floor(endAt - random() * spanMs)).sort(
      (a, b) => a - b,
    );

    for (const createdAt of times) {
      const id = newId(createdAt);
      const mode: Mode = random() < 0.8 ? 'text-to-video' : 'image-to-video';
      const resolution: Resolution = random() < 0.6 ? '720p' : '1080p';
      const duration: Duration = random() < 0.7 ? 5 : 10;
      const aspectRatio: AspectRatio | null =
        mode === 'text-to-video' ? pickOf(['16:9', '16:9', '9:16', '1:1']) : null;
      const prompt = `${pickOf(SUBJECTS)} ${pickOf(ACTIONS)} ${pickOf(SETTINGS)}, ${pickOf(STYLES)}, ${pickOf(CAMERAS)}`;
      const project = random() < 0.7 && projectIds.length > 0 ? pickOf(projectIds) : null;
      const roll = random();
      let state: GenerationState = 'done';
      if (options.includeActive && roll < 0.02)
        state = pickOf(['queued', 'processing', 'uncertain'] as const);
      else if (roll < 0.08) state = 'failed';
      else if (roll < 0.1) state = 'expired';
      else if (roll < 0.12) state = 'cancelled';
      const submitted = state === 'queued' || state === 'cancelled' ? null : createdAt + 1500;
      const costTime =
        state === 'done' ? Math.round((duration === 5 ? 60_000 : 120_000) * (1 + random() * 1.5)) : null;
      const completed = submitted !== null && costTime !== null ? submitted + costTime : null;
      const fail = state === 'failed' ? pickOf(FAIL_CODES) : null;
      const taskId = submitted === null ? null : `task_${id.toLowerCase()}`;
      const updatedAt = completed ?? createdAt + 2000;
      insertGeneration.run(
        id,
        project?.id ?? null,
        random() < 0.2 ? `batch_${Math.floor(createdAt / 60_000)}` : null,
        MODEL_ID,
        options.backend ?? 'demo',
        mode,
        prompt,
        random() < 0.3 ? pickOf(NEGATIVES) : null,
        resolution,
        duration,
        aspectRatio,
        mode === 'image-to-video' ? `https://example.com/reference/${Math.floor(random() * 500)}.jpg` : null,
        random() < 0.4 ? Math.floor(random() * 2_147_483_647) : null,
        random() < 0.8 ? 1 : 0,
        'auto',
        'async',
        state,
        taskId,
        fail?.[0] ?? null,
        fail?.[1] ?? null,
        fail ? 'task_failed' : null,
        fail?.[1] ?? null,
        createdAt,
        updatedAt,
        submitted,
        completed,
        submitted,
        completed,
        costTime,
        estimateCostUsd(resolution, duration),
        state === 'done' || state === 'expired' ? `https://cdn.example.com/results/${id}.mp4` : null,
        costTime === null ? 0 : Math.ceil(costTime / 15_000),
        random() < 0.08 ? 1 : 0,
        random() < 0.6 ? 0 : 1 + Math.floor(random() * 5),
        random() < 0.05 ? pickOf(NOTES) : '',
      );
      const tagCount = Math.floor(random() * 4);
      const chosen = new Set<number>();
      for (let t = 0; t < tagCount; t++) chosen.add(pickOf(tagIds));
      for (const tag of chosen) insertGenerationTag.run(id, tag);
      insertEvent.run(id, null, 'queued', createdAt);
      if (state !== 'queued') insertEvent.run(id, 'queued', state, updatedAt);
      if (state === 'done') {
        const [width, height] = DIMENSIONS[resolution][aspectRatio ?? '16:9'];
        const month = new Date(createdAt).toISOString().slice(0, 7);
        const base = `${project?.slug ?? 'unsorted'}/${month}/${slug(prompt).slice(0, 24)}-${id}`;
        insertVideo.run(
          newId(completed ?? createdAt),
          id,
          `${base}.mp4`,
          Math.floor((duration * (resolution === '720p' ? 0.6 : 1.2) + random()) * 1_000_000),
          fakeSha256(random),
          width,
          height,
          duration * 1000,
          `${base}.jpg`,
          completed ?? createdAt,
        );
      }
    }
    indexGenerationsAfter(db, lastSeq);
    return projectIds.map((project) => project.id);
  };
  const projectIds = db.transaction(() => withCountsDeferred(db, load)).immediate();
  refreshPlannerStatistics(db);
  return { inserted: count, projectIds, elapsedMs: performance.now() - started };
}
