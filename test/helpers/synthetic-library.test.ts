import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TERMINAL_STATES } from '../../shared/domain/states';
import { type TestLibrary, tempLibrary } from '../core/library/library-fixture';
import { seedSyntheticLibrary } from './synthetic-library';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

describe('seedSyntheticLibrary', () => {
  it('inserts realistic, searchable generations spread over the period', () => {
    const endAt = lib.clock.now();
    const result = seedSyntheticLibrary(lib.store, 2_000, { seed: 3, endAt, projects: 5 });
    expect(result.inserted).toBe(2_000);
    expect(result.projectIds).toHaveLength(5);
    expect(result.elapsedMs).toBeGreaterThan(0);

    const counts = lib.store.countByState();
    expect(Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(2_000);
    expect(counts.done ?? 0).toBeGreaterThan(1_600);
    expect(Object.keys(counts).every((state) => TERMINAL_STATES.has(state as never))).toBe(true);
    expect(lib.store.listActive()).toEqual([]);

    const done = lib.store.query({ states: ['done'], limit: 50 }).items;
    expect(done.every((record) => record.video !== null && record.costTimeMs !== null)).toBe(true);
    const oldest = lib.store.query({ sort: 'created_asc', limit: 1 }).items[0];
    const newest = lib.store.query({ sort: 'created_desc', limit: 1 }).items[0];
    expect(newest?.createdAt).toBeLessThanOrEqual(endAt);
    expect((newest?.createdAt ?? 0) - (oldest?.createdAt ?? 0)).toBeGreaterThan(300 * 24 * 3600 * 1000);

    expect(lib.store.listTags().length).toBeGreaterThan(10);
    const projectTotal = lib.store.listProjects().reduce((sum, project) => sum + project.generationCount, 0);
    expect(projectTotal).toBeGreaterThan(1_200);
    expect(projectTotal).toBeLessThan(1_600);
    expect(lib.store.query({ text: 'fox' }).total).toBeGreaterThan(0);
    expect(lib.store.query({ tag: 'retro', text: 'fox' }).items.every((r) => r.tags.includes('retro'))).toBe(
      true,
    );
  });

  it('makes ids that sort like their creation times', () => {
    seedSyntheticLibrary(lib.store, 300, { endAt: lib.clock.now() });
    const items = lib.store.query({ sort: 'created_asc', limit: 300 }).items;
    const ids = items.map((record) => record.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('is deterministic for a seed, apart from ids', () => {
    const endAt = lib.clock.now();
    seedSyntheticLibrary(lib.store, 50, { seed: 11, endAt, projects: 0 });
    const first = lib.store
      .query({ sort: 'created_asc', limit: 50 })
      .items.map((r) => [r.createdAt, r.params.prompt]);
    const other = tempLibrary();
    try {
      seedSyntheticLibrary(other.store, 50, { seed: 11, endAt, projects: 0 });
      const second = other.store
        .query({ sort: 'created_asc', limit: 50 })
        .items.map((r) => [r.createdAt, r.params.prompt]);
      expect(second).toEqual(first);
    } finally {
      other.cleanup();
    }
  });

  it('adds active rows only when asked', () => {
    seedSyntheticLibrary(lib.store, 1_000, { includeActive: true, endAt: lib.clock.now() });
    expect(lib.store.listActive().length).toBeGreaterThan(0);
  });
});
