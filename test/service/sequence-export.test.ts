// sequences.saveExport through the contract: the rendered file joins the library as a video of the
// sequence's project titled with its name, or, refused, changes nothing.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { addFinishedVideo } from '../helpers/library-videos';

const RENDERED = join(import.meta.dirname, '..', '..', 'main', 'demo', 'media', 'clip-16x9.mp4');

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function setUp() {
  harness = await startCoreHarness();
  const { core, dir } = harness;
  const library = core.library();
  const project = await core.api.projects.create({ name: 'Short film' });
  const parts = ['first shot', 'second shot'].map((prompt) =>
    addFinishedVideo(library, prompt, { projectId: project.id }),
  );
  const sequence = await core.api.sequences.create({
    name: 'Harbour: dawn',
    projectId: project.id,
    generationIds: parts,
  });
  const file = join(dir, 'rendered.mp4');
  copyFileSync(RENDERED, file);
  return { core, library, project, parts, sequence, file, dir };
}

describe('sequences.saveExport', () => {
  it('adds the export as a video of the project, titled with the sequence name', async () => {
    const { core, library, project, parts, sequence, file } = await setUp();
    const before = library.query({}).total;
    const saved = await core.api.sequences.saveExport({
      id: sequence.id,
      file: { via: 'path', path: file },
      parts,
      fit: 'letterbox',
    });
    expect(saved.existing).toBe(false);
    expect(saved.record).toMatchObject({
      projectId: project.id,
      state: 'done',
      params: expect.objectContaining({ prompt: 'Harbour: dawn' }),
      sourceName: 'Harbour: dawn.mp4',
      video: expect.objectContaining({ width: 480, height: 270, durationMs: 5000 }),
    });
    expect(library.query({}).total).toBe(before + 1);
    const lineage = await core.api.library.lineage({ id: saved.record.id });
    expect(lineage.parents.map((entry) => [entry.kind, entry.generationId, entry.position])).toEqual([
      ['sequence_part', parts[0], 0],
      ['sequence_part', parts[1], 1],
    ]);
    // The same bytes again: the library already has them; nothing is added twice.
    const again = await core.api.sequences.saveExport({
      id: sequence.id,
      file: { via: 'path', path: file },
      parts,
      fit: 'crop',
    });
    expect(again).toEqual({ record: expect.objectContaining({ id: saved.record.id }), existing: true });
    expect(library.query({}).total).toBe(before + 1);
  });

  it('refuses a sequence that changed meanwhile, and a truncated file, adding nothing', async () => {
    const { core, library, parts, sequence, file, dir } = await setUp();
    const before = library.query({}).total;
    await expect(
      core.api.sequences.saveExport({
        id: sequence.id,
        file: { via: 'path', path: file },
        parts: [...parts].reverse(),
        fit: 'letterbox',
      }),
    ).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/changed while/) });
    // Same clips, but a trim moved after the render started.
    const rendered = sequence.clips.map(({ inMs, outMs }) => ({ inMs, outMs }));
    await core.api.sequences.setClips({
      id: sequence.id,
      clips: sequence.clips.map(({ generationId, inMs, outMs }, index) => ({
        generationId,
        inMs: index === 0 ? inMs + 100 : inMs,
        outMs,
      })),
    });
    await expect(
      core.api.sequences.saveExport({
        id: sequence.id,
        file: { via: 'path', path: file },
        parts,
        trims: rendered,
        fit: 'letterbox',
      }),
    ).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/changed while/) });
    const truncated = join(dir, 'truncated.mp4');
    writeFileSync(truncated, Buffer.from(new Uint8Array(2000)));
    await expect(
      core.api.sequences.saveExport({
        id: sequence.id,
        file: { via: 'path', path: truncated },
        parts,
        fit: 'letterbox',
      }),
    ).rejects.toMatchObject({
      kind: 'invalid_request',
      message: expect.stringMatching(/could not be saved/),
    });
    expect(library.query({}).total).toBe(before);
  });
});
