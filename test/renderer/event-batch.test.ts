// Pushes from main are coalesced before they reach the stores: the newest record per id wins, the
// order of arrival is kept, and a batch lands as one store change with the same meaning as
// applying the records one by one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchById } from '../../renderer/state/event-batch';
import { useQueue } from '../../renderer/state/queue';
import { generationRecord } from '../helpers/generation-record';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('batchById', () => {
  it('applies nothing until the flush, then the newest of each id in order of last arrival', () => {
    const applied: { id: string; v: number }[][] = [];
    const batch = batchById<{ id: string; v: number }>((items) => applied.push(items));
    batch.push({ id: 'a', v: 1 });
    batch.push({ id: 'b', v: 1 });
    batch.push({ id: 'a', v: 2 });
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(applied).toEqual([
      [
        { id: 'b', v: 1 },
        { id: 'a', v: 2 },
      ],
    ]);
    vi.advanceTimersByTime(1000);
    expect(applied).toHaveLength(1);
  });

  it('flush() applies at once and leaves no timer behind', () => {
    const applied: unknown[] = [];
    const batch = batchById<{ id: string }>((items) => applied.push(...items));
    batch.push({ id: 'x' });
    batch.flush();
    expect(applied).toEqual([{ id: 'x' }]);
    batch.flush();
    vi.advanceTimersByTime(1000);
    expect(applied).toHaveLength(1);
  });
});

describe('queue applyUpdates', () => {
  it('matches one-by-one updates: active, finished into recent, progress cleared', () => {
    const running = generationRecord({ id: 'r1', state: 'processing' });
    const other = generationRecord({ id: 'r2', state: 'pending' });
    useQueue.setState({ active: [], recent: [], progress: {} });
    useQueue.getState().applyUpdates([running, other]);
    useQueue.getState().applyProgresses([{ id: 'r1', bytes: 10, total: 100, bytesPerSecond: 5 }]);
    const done = { ...running, state: 'done' as const };
    const before = useQueue.getState();
    useQueue.getState().applyUpdates([done, { ...other, state: 'processing' }]);
    const after = useQueue.getState();
    expect(after.active.map((r) => [r.id, r.state])).toEqual([['r2', 'processing']]);
    expect(after.recent.map((r) => r.id)).toEqual(['r1']);
    expect(after.progress).toEqual({});
    expect(before.recent).toEqual([]);
  });

  it('keeps the recent list identical when no record in the batch touches it (no re-render)', () => {
    const finished = generationRecord({ id: 'f1', state: 'done' });
    useQueue.setState({ active: [], recent: [finished], progress: {} });
    const recent = useQueue.getState().recent;
    useQueue.getState().applyUpdates([generationRecord({ id: 'n1', state: 'pending' })]);
    expect(useQueue.getState().recent).toBe(recent);
  });
});
