import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { libraryContext } from '../../../main/core/library/library';
import { create, params, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

function errorKind(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isStudioError(error) ? error.kind : `not a StudioError: ${String(error)}`;
  }
  return undefined;
}

describe('generations', () => {
  it('creates a queued generation whose params round-trip exactly', () => {
    const input = params({
      negativePrompt: 'blurry',
      seed: 42,
      provider: 'official',
      promptExpansion: false,
    });
    const record = lib.store.createGeneration({
      params: input,
      requestType: 'callback',
      estimatedCostUsd: 0.4,
      backend: 'demo',
      batchId: 'batch-1',
      referenceImagePath: 'refs\\one.png',
    });
    expect(record.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(record).toMatchObject({
      state: 'queued',
      model: 'wan-2-5',
      backend: 'demo',
      requestType: 'callback',
      batchId: 'batch-1',
      createdAt: lib.clock.now(),
      updatedAt: lib.clock.now(),
      pollCount: 0,
      favourite: false,
      rating: 0,
      notes: '',
      tags: [],
      video: null,
      deletedAt: null,
      referenceImagePath: 'refs/one.png',
    });
    expect(record.params).toEqual(input);
    expect(record.unrecognized).toBeUndefined();
    expect(lib.store.getGeneration(record.id)).toEqual(record);
  });

  it('leaves absent optional params out instead of setting them to undefined', () => {
    const record = create(lib.store, {
      mode: 'image-to-video',
      aspectRatio: undefined,
      imageUrl: 'https://x.test/a.png',
    });
    expect(Object.keys(record.params).sort()).toEqual(
      ['duration', 'imageUrl', 'mode', 'promptExpansion', 'prompt', 'provider', 'resolution'].sort(),
    );
  });

  it('rejects invalid params, an unknown project and a negative cost as invalid_request / not_found', () => {
    expect(errorKind(() => create(lib.store, { prompt: '' }))).toBe('invalid_request');
    expect(errorKind(() => create(lib.store, { imageUrl: 'https://x.test/a.png' }))).toBe('invalid_request');
    expect(errorKind(() => create(lib.store, {}, { projectId: 'nope' }))).toBe('not_found');
    expect(errorKind(() => create(lib.store, {}, { estimatedCostUsd: -1 }))).toBe('invalid_request');
    expect(errorKind(() => create(lib.store, {}, { referenceImagePath: '../outside.png' }))).toBe(
      'invalid_request',
    );
  });

  it('returns null for an unknown id and throws not_found when updating one', () => {
    expect(lib.store.getGeneration('01NOTANID')).toBeNull();
    expect(errorKind(() => lib.store.updateGeneration('01NOTANID', { state: 'done' }))).toBe('not_found');
    expect(errorKind(() => lib.store.stateHistory('01NOTANID'))).toBe('not_found');
  });

  it('applies a patch, bumps updatedAt and records every state change in the history', async () => {
    const record = create(lib.store);
    const t0 = lib.clock.now();
    await lib.clock.advance(1000);
    const submitting = lib.store.updateGeneration(record.id, {
      state: 'submitting',
      submittedAt: lib.clock.now(),
    });
    expect(submitting.updatedAt).toBe(t0 + 1000);
    await lib.clock.advance(1000);
    lib.store.updateGeneration(record.id, { state: 'pending', taskId: 'task-1' });
    await lib.clock.advance(1000);
    // A patch without a state change adds no history entry.
    const polled = lib.store.updateGeneration(record.id, { pollCount: 3, nextCheckAt: t0 + 9000 });
    expect(polled).toMatchObject({
      state: 'pending',
      taskId: 'task-1',
      pollCount: 3,
      nextCheckAt: t0 + 9000,
    });
    // Same state again: no entry either.
    lib.store.updateGeneration(record.id, { state: 'pending' });
    await lib.clock.advance(1000);
    const done = lib.store.updateGeneration(record.id, {
      state: 'done',
      completedAt: lib.clock.now(),
      costTimeMs: 61_000,
      resultUrl: 'https://cdn.test/r.mp4',
      errorKind: null,
    });
    expect(done).toMatchObject({ state: 'done', costTimeMs: 61_000, resultUrl: 'https://cdn.test/r.mp4' });
    expect(lib.store.stateHistory(record.id)).toEqual([
      { from: null, to: 'queued', at: t0 },
      { from: 'queued', to: 'submitting', at: t0 + 1000 },
      { from: 'submitting', to: 'pending', at: t0 + 2000 },
      { from: 'pending', to: 'done', at: t0 + 4000 },
    ]);
  });

  it('clears fields patched to null and ignores fields patched to undefined', () => {
    const record = create(lib.store);
    lib.store.updateGeneration(record.id, { taskId: 'task-1', failCode: 'X', failMsg: 'boom' });
    const patched = lib.store.updateGeneration(record.id, { failCode: null, failMsg: undefined });
    expect(patched).toMatchObject({ taskId: 'task-1', failCode: null, failMsg: 'boom' });
  });

  it('rejects an unknown state, error kind or a negative poll count', () => {
    const record = create(lib.store);
    const bad = { state: 'paused' } as unknown as Parameters<typeof lib.store.updateGeneration>[1];
    expect(errorKind(() => lib.store.updateGeneration(record.id, bad))).toBe('invalid_request');
    const badKind = { errorKind: 'weird' } as unknown as Parameters<typeof lib.store.updateGeneration>[1];
    expect(errorKind(() => lib.store.updateGeneration(record.id, badKind))).toBe('invalid_request');
    expect(errorKind(() => lib.store.updateGeneration(record.id, { pollCount: -1 }))).toBe('invalid_request');
    expect(lib.store.getGeneration(record.id)?.state).toBe('queued');
  });

  it('lists active generations oldest first, without terminal or trashed ones', async () => {
    const first = create(lib.store);
    await lib.clock.advance(10);
    const second = create(lib.store, {}, { state: 'uncertain' });
    await lib.clock.advance(10);
    const finished = create(lib.store);
    lib.store.updateGeneration(finished.id, { state: 'done' });
    await lib.clock.advance(10);
    const cancelled = create(lib.store);
    lib.store.updateGeneration(cancelled.id, { state: 'cancelled' });
    lib.store.trash(cancelled.id);
    await lib.clock.advance(10);
    const third = create(lib.store);
    lib.store.updateGeneration(third.id, { state: 'processing' });
    expect(lib.store.listActive().map((record) => record.id)).toEqual([first.id, second.id, third.id]);
  });

  it('gives the cost-time history of done generations with the same settings, newest first', async () => {
    const finish = async (costTimeMs: number, overrides = {}, backend: 'apixo' | 'demo' = 'apixo') => {
      const record = create(lib.store, overrides, { backend });
      await lib.clock.advance(1000);
      lib.store.updateGeneration(record.id, { state: 'done', costTimeMs, completedAt: lib.clock.now() });
    };
    await finish(60_000);
    await finish(70_000);
    await finish(99_000, { resolution: '1080p' });
    await finish(88_000, { duration: 10 });
    await finish(80_000);
    await finish(3_000, {}, 'demo');
    const failed = create(lib.store);
    lib.store.updateGeneration(failed.id, {
      state: 'failed',
      costTimeMs: 5_000,
      completedAt: lib.clock.now() + 1,
    });
    expect(lib.store.costTimeHistory('720p', 5)).toEqual([80_000, 70_000, 60_000]);
    expect(lib.store.costTimeHistory('720p', 5, { limit: 2 })).toEqual([80_000, 70_000]);
    expect(lib.store.costTimeHistory('1080p', 5)).toEqual([99_000]);
    expect(lib.store.costTimeHistory('1080p', 10)).toEqual([]);
    // The simulator's timings never teach the real poll plan, and the other way round.
    expect(lib.store.costTimeHistory('720p', 5, { backend: 'demo' })).toEqual([3_000]);
  });

  it('counts generations by state outside the trash', () => {
    create(lib.store);
    create(lib.store);
    const done = create(lib.store);
    lib.store.updateGeneration(done.id, { state: 'done' });
    const trashed = create(lib.store);
    lib.store.updateGeneration(trashed.id, { state: 'failed' });
    lib.store.trash(trashed.id);
    expect(lib.store.countByState()).toEqual({ queued: 2, done: 1 });
  });

  it('maps values written by a newer version to safe stand-ins, flags them and keeps them out of listActive', () => {
    const record = create(lib.store);
    const other = create(lib.store);
    const { db } = libraryContext(lib.store);
    db.prepare(`UPDATE generations SET state = 'paused', resolution = '4k' WHERE id = ?`).run(record.id);
    db.prepare(`UPDATE generations SET backend = 'replicate' WHERE id = ?`).run(other.id);
    const read = lib.store.getGeneration(record.id);
    expect(read?.state).toBe('uncertain');
    expect(read?.params.resolution).toBe('720p');
    expect(read?.unrecognized).toEqual(['resolution=4k', 'state=paused']);
    expect(lib.store.getGeneration(other.id)?.unrecognized).toEqual(['backend=replicate']);
    expect(lib.warnings.some((warning) => warning.includes('state=paused'))).toBe(true);
    expect(lib.store.listActive()).toEqual([]);
    // List views still load.
    expect(lib.store.query({}).items).toHaveLength(2);
  });
});
