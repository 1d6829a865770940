import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library/library';
import type { GenerationRecord } from '../../../main/core/library/types';
import { clipProblem, sequenceDurationMs, timelineOf } from '../../../shared/domain/sequences';
import { create, kindOf, sha, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

let videoCount = 0;
function finished(durationMs = 5000): GenerationRecord {
  const record = create(lib.store, {}, { state: 'done' });
  videoCount++;
  lib.store.addVideo(record.id, {
    relPath: `videos/${videoCount}.mp4`,
    bytes: 1000,
    sha256: sha(videoCount),
    width: 480,
    height: 270,
    durationMs,
    posterRelPath: null,
  });
  return lib.store.getGeneration(record.id) as GenerationRecord;
}

describe('sequences', () => {
  it('creates, orders, trims and totals clips, and survives a reopen', () => {
    const [a, b, c] = [finished(), finished(), finished(10_000)];
    const project = lib.store.createProject('Short film');
    const sequence = lib.store.sequences.create({
      name: '  Opening   scene ',
      projectId: project.id,
      generationIds: [a.id, b.id],
    });
    expect(sequence).toMatchObject({ name: 'Opening scene', projectId: project.id });
    expect(sequence.clips.map((clip) => [clip.generationId, clip.inMs, clip.outMs])).toEqual([
      [a.id, 0, null],
      [b.id, 0, null],
    ]);
    expect(sequenceDurationMs(sequence.clips)).toBe(10_000);

    lib.store.sequences.setClips(sequence.id, [
      { generationId: c.id, inMs: 2000, outMs: 6500 },
      { generationId: a.id, inMs: 500, outMs: 3000 },
      { generationId: b.id, inMs: 0, outMs: null },
    ]);
    lib.store.close();
    const reopened = openLibrary({ root: lib.root, clock: lib.clock });
    try {
      const back = reopened.sequences.get(sequence.id);
      expect(back.clips.map((clip) => [clip.position, clip.generationId])).toEqual([
        [0, c.id],
        [1, a.id],
        [2, b.id],
      ]);
      expect(sequenceDurationMs(back.clips)).toBe(4500 + 2500 + 5000);
      expect(timelineOf(back.clips).map((part) => part.startMs)).toEqual([0, 4500, 7000]);
      expect(reopened.sequences.list(project.id)).toEqual([
        expect.objectContaining({ id: sequence.id, clipCount: 3 }),
      ]);
      expect(reopened.sequences.list(null)).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('refuses trims outside the video, unknown clips and bad names, changing nothing', () => {
    const a = finished(5000);
    const sequence = lib.store.sequences.create({ name: 'S', projectId: null, generationIds: [a.id] });
    const set = (clips: Parameters<typeof lib.store.sequences.setClips>[1]) => () =>
      lib.store.sequences.setClips(sequence.id, clips);
    expect(kindOf(set([{ generationId: a.id, inMs: 0, outMs: 5001 }]))).toBe('invalid_request');
    expect(kindOf(set([{ generationId: a.id, inMs: 3000, outMs: 3050 }]))).toBe('invalid_request');
    expect(kindOf(set([{ generationId: a.id, inMs: -1, outMs: null }]))).toBe('invalid_request');
    expect(kindOf(set([{ generationId: 'nope', inMs: 0, outMs: null }]))).toBe('not_found');
    expect(kindOf(() => lib.store.sequences.rename(sequence.id, '   '))).toBe('invalid_request');
    expect(kindOf(() => lib.store.sequences.get('missing'))).toBe('not_found');
    expect(lib.store.sequences.get(sequence.id).clips).toEqual([
      expect.objectContaining({ generationId: a.id, inMs: 0, outMs: null }),
    ]);
    try {
      set([{ generationId: a.id, inMs: 0, outMs: 9000 }])();
    } catch (error) {
      expect(String((error as { userMessage: string }).userMessage)).toMatch(/Clip 1.*past the end/);
    }
  });

  it('holds a clip still in progress and appends a new one at the end', () => {
    const a = finished();
    const pending = create(lib.store);
    const sequence = lib.store.sequences.create({ name: 'S', projectId: null, generationIds: [a.id] });
    const appended = lib.store.sequences.appendClips(sequence.id, [pending.id]);
    const last = appended.clips[1];
    expect(last).toMatchObject({ position: 1, generationId: pending.id, outMs: null });
    expect(last && clipProblem(last)).toBe('in_progress');
    // Only the finished clip is on the timeline; the one in progress adds nothing yet.
    expect(timelineOf(appended.clips)).toHaveLength(1);
    expect(sequenceDurationMs(appended.clips)).toBe(5000);
  });

  it('marks a clip that continues the clip before it (from its lineage)', () => {
    const [a, b, c] = [finished(), finished(), finished()];
    lib.store.addLinks(b.id, [{ kind: 'continues', parentId: a.id, frameMs: 4960 }]);
    const sequence = lib.store.sequences.create({
      name: 'S',
      projectId: null,
      generationIds: [a.id, b.id, c.id],
    });
    expect(sequence.clips.map((clip) => clip.continuesPrevious)).toEqual([false, true, false]);
    // Out of order it is a cut, not a continuation.
    const swapped = lib.store.sequences.setClips(sequence.id, [
      { generationId: b.id, inMs: 0, outMs: null },
      { generationId: a.id, inMs: 0, outMs: null },
    ]);
    expect(swapped.clips.map((clip) => clip.continuesPrevious)).toEqual([false, false]);
  });

  it('keeps sequences when their project goes and drops clips deleted for good', () => {
    const [a, b] = [finished(), finished()];
    const project = lib.store.createProject('P');
    const sequence = lib.store.sequences.create({
      name: 'S',
      projectId: project.id,
      generationIds: [a.id, b.id],
    });
    lib.store.deleteProject(project.id);
    expect(lib.store.sequences.get(sequence.id).projectId).toBeNull();
    lib.store.trash(a.id);
    expect(clipProblem(lib.store.sequences.get(sequence.id).clips[0] as never)).toBe('trashed');
    lib.store.purgeTrashed([a.id]);
    const after = lib.store.sequences.get(sequence.id);
    expect(after.clips.map((clip) => [clip.position, clip.generationId])).toEqual([[0, b.id]]);
    lib.store.sequences.remove(sequence.id);
    expect(lib.store.sequences.list()).toEqual([]);
  });
});
