// Lineage through the contract: a create request says where its videos come from, the library keeps
// it with them (in the same transaction), and library.lineage answers both ways. A purged parent
// leaves "made from a deleted video" behind; a purged child takes its links with it.
import { afterEach, describe, expect, it } from 'vitest';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { addFinishedVideo } from '../helpers/library-videos';

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const params = { mode: 'text-to-video', prompt: 'the lighthouse, later that night' } as const;

describe('lineage', () => {
  it('records where each created video comes from and answers both ways', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const parent = addFinishedVideo(core.library(), 'the lighthouse at dusk');

    const created = await core.api.generations.create({
      params,
      count: 2,
      hold: true,
      lineage: { kind: 'continues', parentId: parent, frameMs: 4960 },
    });
    expect(created).toHaveLength(2);

    for (const child of created) {
      const lineage = await core.api.library.lineage({ id: child.id });
      expect(lineage.children).toEqual([]);
      expect(lineage.parents).toHaveLength(1);
      expect(lineage.parents[0]).toMatchObject({ kind: 'continues', generationId: parent, frameMs: 4960 });
      expect(lineage.parents[0]?.record?.params.prompt).toBe('the lighthouse at dusk');
    }
    const fromParent = await core.api.library.lineage({ id: parent });
    expect(fromParent.parents).toEqual([]);
    expect(fromParent.children.map((entry) => entry.generationId).sort()).toEqual(
      created.map((record) => record.id).sort(),
    );
    expect(fromParent.children.every((entry) => entry.kind === 'continues')).toBe(true);
  });

  it('refuses a parent that is not in the library and creates nothing', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    await expect(
      core.api.generations.create({
        params,
        count: 3,
        hold: true,
        lineage: { kind: 'remix_of', parentId: 'no-such-video' },
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/not in the library/) });
    expect((await core.api.library.query({ states: [] })).total).toBe(0);
  });

  it('refuses a frame time that is not a whole number of milliseconds, in the schema', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const parent = addFinishedVideo(core.library(), 'waves');
    await expect(
      core.api.generations.create({
        params,
        hold: true,
        lineage: { kind: 'frame_of', parentId: parent, frameMs: 12.5 },
      }),
    ).rejects.toMatchObject({ kind: 'validation' });
  });

  it('keeps the story when the parent is deleted for good, and drops the links of a deleted child', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const library = core.library();
    const parent = addFinishedVideo(library, 'first shot');
    const [child] = await core.api.generations.create({
      params,
      hold: true,
      lineage: { kind: 'frame_of', parentId: parent, frameMs: 2500 },
    });
    if (!child) throw new Error('no child');

    await core.api.library.trashMany({ ids: [parent] });
    await core.api.library.purge({ ids: [parent] });
    const orphan = await core.api.library.lineage({ id: child.id });
    expect(orphan.parents).toEqual([
      { kind: 'frame_of', generationId: parent, frameMs: 2500, position: null, record: null },
    ]);

    await core.api.generations.cancel({ id: child.id });
    await core.api.library.trashMany({ ids: [child.id] });
    await core.api.library.purge({ ids: [child.id] });
    expect(await core.api.library.lineage({ id: child.id })).toEqual({ parents: [], children: [] });
  });

  it('records a sequence export’s parts in order on an existing generation', async () => {
    harness = await startCoreHarness();
    const library = harness.core.library();
    const parts = ['one', 'two', 'three'].map((word) => addFinishedVideo(library, word));
    const exported = addFinishedVideo(library, 'the sequence');
    library.addLinks(
      exported,
      [parts[2], parts[0], parts[1]].map((parentId, position) => ({
        kind: 'sequence_part' as const,
        parentId: parentId ?? '',
        position,
      })),
    );
    const lineage = await harness.core.api.library.lineage({ id: exported });
    expect(lineage.parents.map((entry) => [entry.generationId, entry.position])).toEqual([
      [parts[2], 0],
      [parts[0], 1],
      [parts[1], 2],
    ]);
    expect(() => library.addLinks('missing-child', [{ kind: 'remix_of', parentId: parts[0] ?? '' }])).toThrow(
      /not found|no generation|not in the library/i,
    );
  });
});
