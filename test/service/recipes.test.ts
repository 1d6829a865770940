// A library folder that describes itself, end to end through the contract over the simulator:
// sidecars next to every video (the library file still byte for byte what the server sent), an
// export carrying the recipe in its MP4 metadata (ffprobe reads it; the packets are the same), an
// import of that export restoring a remix-able generation, and a rebuild from the folder after the
// database is lost.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryContext } from '../../main/core/library/library';
import type { StudioCore } from '../../main/service/types';
import type { GenerationRecord } from '../../shared/contract/contract';
import { hasRecipe } from '../../shared/domain/records';
import { readSidecarText } from '../../shared/domain/sidecar';
import { type CoreHarness, startCoreHarness, startPlainCore } from '../helpers/core-harness';
import { tinyPng } from '../helpers/images';
import { expectSoundLibrary, servedClipHashes } from '../helpers/library-audit';
import { CLIP } from '../helpers/library-videos';
import { NIGHT_PRESET } from '../helpers/preset-params';

let harness: CoreHarness | null = null;
let extra: StudioCore[] = [];
afterEach(async () => {
  for (const core of extra) await core.close();
  extra = [];
  await harness?.close();
  harness = null;
});

const LIGHTHOUSE = {
  mode: 'text-to-video',
  prompt: 'a lighthouse at dusk, waves against the rocks — маяк',
  negativePrompt: 'blur, text',
  resolution: '720p',
  duration: 5,
  aspectRatio: '16:9',
  seed: 1234,
  promptExpansion: false,
  provider: 'auto',
} as const;

async function generate(h: CoreHarness, lineage?: { kind: 'remix_of'; parentId: string }) {
  const [created] = await h.core.api.generations.create({ params: LIGHTHOUSE, seedMode: 'fixed', lineage });
  await h.waitForState(created?.id ?? '', ['done']);
  const done = await h.core.api.generations.get({ id: created?.id ?? '' });
  if (!done?.video) throw new Error('no video');
  return done;
}

/** A library with two generated videos (one a remix of the other), one import, and curation. */
async function curatedLibrary(h: CoreHarness) {
  const api = h.core.api;
  const project = await api.projects.create({ name: 'Coast film' });
  const first = await generate(h);
  const remix = await generate(h, { kind: 'remix_of', parentId: first.id });
  await api.library.setTags({ id: first.id, tags: ['coast', 'dusk'] });
  await api.library.setRating({ id: first.id, rating: 4 });
  await api.library.setNotes({ id: first.id, notes: 'the keeper' });
  await api.library.setFavourite({ id: first.id, favourite: true });
  await api.library.setProject({ ids: [first.id, remix.id], projectId: project.id });
  expect(await api.library.importPaths({ paths: [CLIP] })).toMatchObject({ imported: 1, withRecipe: 0 });
  const page = await api.library.query({ limit: 10 });
  return { first, remix, records: page.items };
}

function ffprobe(args: string[]): string {
  return execFileSync('ffprobe', ['-v', 'error', ...args], { encoding: 'utf8' });
}

/** Every packet's time (in seconds: the copy may use another timescale), size and content hash. */
function packets(path: string): string {
  return ffprobe([
    '-show_entries',
    'packet=stream_index,pts_time,dts_time,size,flags,data_hash',
    '-show_data_hash',
    'SHA256',
    '-of',
    'csv',
    path,
  ]);
}

const HAS_EXIFTOOL = spawnSync('exiftool', ['-ver']).status === 0;

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('recipes', () => {
  it('sidecars follow every video; the library files stay what the server sent', async () => {
    harness = await startCoreHarness();
    const { first, remix, records } = await curatedLibrary(harness);
    const root = join(harness.dir, 'library');
    await harness.core.close(); // flushes pending sidecar writes

    await expectSoundLibrary(root);
    const served = await servedClipHashes();
    for (const record of [first, remix]) {
      expect(served.has(await sha256(join(root, record.video?.relPath ?? '')))).toBe(true);
    }
    for (const record of records) {
      const reading = readSidecarText(await readFile(join(root, `${record.video?.relPath}.json`), 'utf8'));
      if (!reading.ok) throw new Error(reading.reason);
      expect(reading.sidecar.generation.id).toBe(record.id);
    }
    const firstSidecar = readSidecarText(await readFile(join(root, `${first.video?.relPath}.json`), 'utf8'));
    expect(firstSidecar).toMatchObject({
      ok: true,
      sidecar: {
        generation: {
          params: { prompt: LIGHTHOUSE.prompt, negativePrompt: 'blur, text', seed: 1234 },
          taskId: first.taskId,
        },
        curation: { favourite: true, rating: 4, notes: 'the keeper', tags: ['coast', 'dusk'] },
        project: { name: 'Coast film' },
      },
    });
    const remixSidecar = readSidecarText(await readFile(join(root, `${remix.video?.relPath}.json`), 'utf8'));
    expect(remixSidecar).toMatchObject({
      ok: true,
      sidecar: { lineage: { parents: [{ kind: 'remix_of', generationId: first.id }] } },
    });
  });

  it('trash and purge take the sidecar with the video', async () => {
    harness = await startCoreHarness();
    const first = await generate(harness);
    const root = join(harness.dir, 'library');
    await harness.core.close();
    const sidecar = join(root, `${first.video?.relPath}.json`);
    expect(existsSync(sidecar)).toBe(true);
    const core = await startPlainCore(join(harness.dir, 'data'), root);
    extra.push(core);
    await core.api.library.trash({ id: first.id });
    expect(existsSync(sidecar)).toBe(false);
    expect(existsSync(join(root, '.trash', first.id, `${first.video?.relPath}.json`))).toBe(true);
    await core.api.library.purge({ ids: [first.id] });
    expect(readdirSync(root).includes('.trash') ? readdirSync(join(root, '.trash')) : []).toEqual([]);
  });

  it('export embeds the recipe (ffprobe reads it, packets unchanged); importing it restores a remix-able generation', async () => {
    harness = await startCoreHarness();
    const { first } = await curatedLibrary(harness);
    const api = harness.core.api;
    const libraryFile = join(harness.dir, 'library', first.video?.relPath ?? '');
    const before = await sha256(libraryFile);
    const folder = join(harness.dir, 'exports');
    await mkdir(folder);
    const result = await api.library.exportTo({ ids: [first.id], folder, sidecars: true });
    expect(result).toMatchObject({ copied: 1, skipped: [] });
    const copy = join(folder, result.files?.[0] ?? '');
    expect(readdirSync(folder).sort()).toEqual([result.files?.[0], `${result.files?.[0]}.json`].sort());
    expect(await sha256(libraryFile)).toBe(before);

    const format = JSON.parse(ffprobe(['-show_format', '-of', 'json', copy])) as {
      format: { tags: Record<string, string> };
    };
    expect(format.format.tags.title).toBe(LIGHTHOUSE.prompt);
    const embedded = readSidecarText(format.format.tags.comment ?? '');
    expect(embedded).toMatchObject({
      ok: true,
      sidecar: { generation: { id: first.id, params: { seed: 1234 } } },
    });
    expect(packets(copy)).toBe(packets(libraryFile));
    if (HAS_EXIFTOOL) {
      const [tags] = JSON.parse(execFileSync('exiftool', ['-j', copy], { encoding: 'utf8' })) as {
        Comment?: string;
      }[];
      expect(readSidecarText(tags?.Comment ?? '')).toMatchObject({
        ok: true,
        sidecar: { generation: { id: first.id } },
      });
    } else
      console.warn(
        'SKIPPED: exiftool is not installed (apt-get install libimage-exiftool-perl); ffprobe checked the tags',
      );

    // Another library imports the copy (without its sidecar): the recipe comes from the metadata.
    await rm(`${copy}.json`);
    const other = await startPlainCore(join(harness.dir, 'data2'), join(harness.dir, 'library2'));
    extra.push(other);
    expect(await other.api.library.importPaths({ paths: [copy] })).toMatchObject({
      imported: 1,
      withRecipe: 1,
    });
    const [restored] = (await other.api.library.query({ limit: 5 })).items as GenerationRecord[];
    expect(restored).toMatchObject({
      origin: 'imported',
      recipeSource: 'embedded',
      estimatedCostUsd: 0,
      taskId: first.taskId,
      tags: ['coast', 'dusk'],
      rating: 4,
      params: { prompt: LIGHTHOUSE.prompt, negativePrompt: 'blur, text', seed: 1234, resolution: '720p' },
    });
    expect(hasRecipe(restored as GenerationRecord)).toBe(true);
    // Remix works on it: the same parameters make a new generation linked to it.
    const [remixed] = await other.api.generations.create({
      params: restored?.params ?? LIGHTHOUSE,
      seedMode: 'fixed',
      lineage: { kind: 'remix_of', parentId: restored?.id ?? '' },
    });
    expect(remixed?.params.seed).toBe(1234);
    expect((await other.api.library.lineage({ id: remixed?.id ?? '' })).parents[0]?.generationId).toBe(
      restored?.id,
    );
  });

  it('a sidecar that fails the schema is ignored with its reason; the video comes in plain', async () => {
    harness = await startCoreHarness();
    const folder = join(harness.dir, 'incoming');
    await mkdir(folder);
    execFileSync('cp', [CLIP, join(folder, 'shot.mp4')]);
    const bad = { format: 'wan-studio.sidecar', version: 1, generation: { id: 'x', params: { seed: -5 } } };
    await writeFile(join(folder, 'shot.mp4.json'), JSON.stringify(bad));
    const result = await harness.core.api.library.importPaths({ paths: [folder] });
    expect(result).toMatchObject({ imported: 1, withRecipe: 0 });
    expect(result.recipesIgnored?.[0]?.name).toBe('shot.mp4');
    expect(result.recipesIgnored?.[0]?.reason).toMatch(
      /^shot\.mp4\.json: The recipe does not match its format/,
    );
    const [plain] = (await harness.core.api.library.query({ limit: 5 })).items;
    expect(plain).toMatchObject({ origin: 'imported', recipeSource: null, sourceName: 'shot.mp4' });
  });

  it('rebuild from the folder restores every generation after the database is lost; the old one is kept aside', async () => {
    harness = await startCoreHarness();
    const { first, remix, records } = await curatedLibrary(harness);
    await harness.core.api.library.trash({ id: remix.id });
    const root = join(harness.dir, 'library');
    const dataDir = join(harness.dir, 'data');
    const before = [...records].map((record) => ({ ...record }));
    await harness.core.close();
    const lostDb = await readFile(join(root, '.wanstudio', 'library.db'));
    await rm(join(root, '.wanstudio', 'library.db'));

    const core = await startPlainCore(dataDir, root);
    extra.push(core);
    expect((await core.api.app.info()).libraryProblem?.kind).toMatch(/library_missing|library_corrupt/);
    const progress: number[] = [];
    core.api.on('library.rebuildProgress', (event) => progress.push(event.done));
    const summary = await core.api.library.rebuild();
    expect(summary).toMatchObject({ restored: 3, plain: 0, skipped: [] });
    expect(progress).toEqual([1, 2, 3]);
    expect((await core.api.app.info()).libraryProblem).toBeNull();

    for (const old of before) {
      const back = await core.api.generations.get({ id: old.id });
      const compare = (record: GenerationRecord | null) => ({
        params: record?.params,
        origin: record?.origin,
        taskId: record?.taskId,
        createdAt: record?.createdAt,
        submittedAt: record?.submittedAt,
        estimatedCostUsd: record?.estimatedCostUsd,
        tags: record?.tags,
        rating: record?.rating,
        notes: record?.notes,
        favourite: record?.favourite,
        sha256: record?.video?.sha256,
        relPath: record?.video?.relPath,
        trashed: record?.deletedAt !== null,
      });
      expect(compare(back)).toEqual({ ...compare(old), trashed: old.id === remix.id });
    }
    const projects = await core.api.projects.list();
    expect(projects.map((project) => [project.name, project.generationCount])).toEqual([['Coast film', 1]]);
    expect((await core.api.library.lineage({ id: remix.id })).parents[0]?.generationId).toBe(first.id);
    await core.api.library.restore({ id: remix.id });
    expect((await core.api.generations.get({ id: remix.id }))?.video?.relPath).toBe(remix.video?.relPath);
    expect(existsSync(join(root, remix.video?.relPath ?? ''))).toBe(true);
    const keptAside = readdirSync(join(root, '.wanstudio')).filter((name) => name.includes('before-rebuild'));
    expect(keptAside).toHaveLength(0); // the database was gone: nothing to keep
    expect(lostDb.length).toBeGreaterThan(0);
  });

  it('a video without a sidecar comes back as a plain import; a damaged database is kept aside', async () => {
    harness = await startCoreHarness();
    const first = await generate(harness);
    const root = join(harness.dir, 'library');
    await harness.core.close();
    await rm(join(root, `${first.video?.relPath}.json`));
    await writeFile(join(root, '.wanstudio', 'library.db'), 'not a database');

    const core = await startPlainCore(join(harness.dir, 'data'), root);
    extra.push(core);
    expect((await core.api.app.info()).libraryProblem?.kind).toBe('library_corrupt');
    expect(await core.api.library.rebuild()).toMatchObject({ restored: 0, plain: 1 });
    const [back] = (await core.api.library.query({ limit: 5 })).items;
    expect(back).toMatchObject({
      origin: 'imported',
      recipeSource: null,
      video: { sha256: first.video?.sha256 },
    });
    const kept = readdirSync(join(root, '.wanstudio')).filter((name) =>
      name.startsWith('library.db.before-rebuild-'),
    );
    expect(kept).toHaveLength(1);
    expect(await readFile(join(root, '.wanstudio', kept[0] ?? ''), 'utf8')).toBe('not a database');
  });

  it('a sidecar it cannot read is renamed aside, never written over, and the rebuild says so', async () => {
    harness = await startCoreHarness();
    const first = await generate(harness);
    const root = join(harness.dir, 'library');
    await harness.core.close();
    const sidecar = join(root, `${first.video?.relPath}.json`);
    const fromNewer = (await readFile(sidecar, 'utf8')).replace('"version": 1', '"version": 2');
    expect(fromNewer).not.toBe(await readFile(sidecar, 'utf8'));
    await writeFile(sidecar, fromNewer);
    await rm(join(root, '.wanstudio', 'library.db'));

    const core = await startPlainCore(join(harness.dir, 'data'), root);
    extra.push(core);
    const summary = await core.api.library.rebuild();
    expect(summary).toMatchObject({ restored: 0, plain: 1 });
    expect(summary.recipesKeptAside).toEqual([
      {
        relPath: first.video?.relPath,
        reason: expect.stringMatching(/newer Wan Studio/),
        keptAs: `${sidecar}.unreadable`,
      },
    ]);
    // Curating the plain video writes its own sidecar; the newer version's recipe is still there.
    const [back] = (await core.api.library.query({ limit: 5 })).items;
    await core.api.library.setFavourite({ id: back?.id ?? '', favourite: true });
    await core.close();
    extra.splice(extra.indexOf(core), 1);
    expect(await readFile(`${sidecar}.unreadable`, 'utf8')).toBe(fromNewer);
  });

  it('a rebuild of a readable library brings over presets, recent prompts, caps, sequences, empty projects, reference records and the balance history', async () => {
    harness = await startCoreHarness();
    const api = harness.core.api;
    const first = await generate(harness); // also puts its prompt in the history
    // A reference image dropped into Generate: its file stays in references/, its name in the database.
    const dropped = join(harness.dir, 'pier sketch.png');
    await writeFile(dropped, await tinyPng(64, 64));
    const image = await api.images.inspect({ file: { via: 'path', path: dropped } });
    expect(image.sha256).toBeTruthy();
    await api.balance.get({ refresh: true });
    expect(harness.core.library().balanceSnapshots('demo', 0).length).toBeGreaterThan(0);
    const coast = await api.projects.create({ name: 'Coast film' });
    await api.projects.create({ name: 'Empty for now' });
    await api.budget.update({ dailyUsd: 5, confirmAboveUsd: 2, projectUsd: { [coast.id]: 3 } });
    const preset = await api.presets.save({
      name: 'Night 1080p',
      params: NIGHT_PRESET,
    });
    const sequence = await api.sequences.create({
      name: 'Harbour cut',
      projectId: coast.id,
      generationIds: [first.id],
    });
    await api.sequences.setClips({
      id: sequence.id,
      clips: [{ generationId: first.id, inMs: 500, outMs: 2500 }],
    });

    // A paid send whose video will not come back (its answer never came): the caps must still count it.
    const lost = harness.core.library().createGeneration({
      params: { ...LIGHTHOUSE, promptExpansion: false, provider: 'auto' },
      requestType: 'async',
      estimatedCostUsd: 0.65,
      backend: 'demo',
    });
    harness.core.library().updateGeneration(lost.id, { state: 'submitting' });
    harness.core.library().updateGeneration(lost.id, { state: 'uncertain' });
    harness.core.library().updateGeneration(lost.id, { state: 'cancelled' }); // dismissed
    const spentBefore = harness.core.library().spentUsd({ backend: 'demo' });
    expect(spentBefore).toBeGreaterThan(0.65);
    // As if the database were an older copy: its record lacks the first video's send, which the
    // video's sidecar still knows.
    libraryContext(harness.core.library())
      .db.prepare('DELETE FROM spend_ledger WHERE generation_id = ?')
      .run(first.id);

    const summary = await api.library.rebuild();
    expect(harness.core.library().getGeneration(lost.id)).toBeNull();
    expect(harness.core.library().spentUsd({ backend: 'demo' })).toBe(spentBefore);
    expect(summary.carriedOver?.sends).toBe(1);
    expect(summary).toMatchObject({
      restored: 1,
      carriedOver: {
        projects: 2,
        presets: 1,
        prompts: 1,
        sequences: 1,
        budget: true,
        references: 1,
      },
      carryOverProblem: null,
      carryOverFailed: [],
    });
    // Every balance entry the old database had (more may be added while the test runs).
    const kept = new BetterSqlite3(summary.keptAs ?? '', { readonly: true });
    const balanceHistory = kept
      .prepare("SELECT at, usd, backend, reason FROM balance_snapshots WHERE backend = 'demo' ORDER BY at")
      .all();
    kept.close();
    expect(balanceHistory.length).toBeGreaterThan(0);
    expect(summary.carriedOver?.balanceSnapshots).toBe(balanceHistory.length);
    expect(harness.core.library().getReferenceImage(image.sha256 ?? '')).toMatchObject({
      name: 'pier sketch.png',
    });
    expect(await api.images.get({ sha256: image.sha256 ?? '' })).toMatchObject({ status: 'ready' });
    expect(harness.core.library().balanceSnapshots('demo', 0)).toEqual(
      expect.arrayContaining(balanceHistory),
    );
    const projects = await api.projects.list();
    const newCoast = projects.find((project) => project.name === 'Coast film');
    expect(projects.map((project) => project.name).sort()).toEqual(['Coast film', 'Empty for now']);
    expect(await api.budget.get()).toMatchObject({
      settings: { dailyUsd: 5, confirmAboveUsd: 2, projectUsd: { [newCoast?.id ?? '']: 3 } },
    });
    expect((await api.presets.list()).map((kept) => kept.name)).toEqual([preset.name]);
    expect((await api.prompts.history()).map((entry) => entry.prompt)).toEqual([LIGHTHOUSE.prompt]);
    const [summaryOfSequence] = await api.sequences.list({ projectId: newCoast?.id ?? null });
    const back = await api.sequences.get({ id: summaryOfSequence?.id ?? '' });
    expect(back).toMatchObject({ name: 'Harbour cut', projectId: newCoast?.id });
    expect(back.clips.map((clip) => [clip.generationId, clip.inMs, clip.outMs])).toEqual([
      [first.id, 500, 2500],
    ]);
  });

  it('one damaged table of the previous database costs only its own part of the carry-over', async () => {
    harness = await startCoreHarness();
    await generate(harness);
    await harness.core.api.presets.save({ name: 'Night 1080p', params: NIGHT_PRESET });
    await harness.core.api.balance.get({ refresh: true });
    const root = join(harness.dir, 'library');
    await harness.core.close();
    const old = new BetterSqlite3(join(root, '.wanstudio', 'library.db'));
    old.exec('DROP TABLE reference_images; CREATE TABLE reference_images (sha256 TEXT PRIMARY KEY)');
    old.close();

    const core = await startPlainCore(join(harness.dir, 'data'), root);
    extra.push(core);
    const summary = await core.api.library.rebuild();
    expect(summary.carriedOver).toMatchObject({ presets: 1, references: 0 });
    expect(summary.carriedOver?.balanceSnapshots).toBeGreaterThan(0);
    expect(summary.carryOverProblem).toBe(
      'Part of the previous database could not be read, so these start empty: reference images and audio.',
    );
    expect(summary.carryOverFailed).toEqual(['references']);
  });

  it('a video found twice (at home and in the trash) comes back once; the copy is skipped with why', async () => {
    harness = await startCoreHarness();
    const first = await generate(harness);
    const root = join(harness.dir, 'library');
    await harness.core.close();
    const relPath = first.video?.relPath ?? '';
    const trashed = join(root, '.trash', first.id, relPath);
    await mkdir(join(trashed, '..'), { recursive: true });
    await writeFile(trashed, await readFile(join(root, relPath)));
    await writeFile(`${trashed}.json`, await readFile(join(root, `${relPath}.json`)));
    await rm(join(root, '.wanstudio', 'library.db'));

    const core = await startPlainCore(join(harness.dir, 'data'), root);
    extra.push(core);
    const summary = await core.api.library.rebuild();
    expect(summary).toMatchObject({ restored: 1, plain: 0 });
    expect(summary.skipped).toEqual([
      { relPath, reason: `another copy of generation ${first.id} was restored already` },
    ]);
    const everything = [
      ...(await core.api.library.query({ limit: 10 })).items,
      ...(await core.api.library.query({ limit: 10, trashed: true })).items,
    ];
    expect(everything.map((item) => item.id)).toEqual([first.id]);
  });
});
