import { describe, expect, it } from 'vitest';
import { createDownloadQueue } from '../../../main/core/downloads/download-queue';

interface Gate {
  promise: Promise<void>;
  open(): void;
  fail(error: Error): void;
}

function gate(): Gate {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** Lets queued .then/.finally callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function tracker() {
  const started: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const gates = new Map<number, Gate>();
  const task = (id: number) => async () => {
    started.push(id);
    running++;
    maxRunning = Math.max(maxRunning, running);
    const g = gate();
    gates.set(id, g);
    try {
      await g.promise;
      return id;
    } finally {
      running--;
    }
  };
  return { started, gates, task, max: () => maxRunning };
}

describe('createDownloadQueue', () => {
  it('runs at most `concurrency` tasks, in FIFO order, and hands back each result', async () => {
    const queue = createDownloadQueue({ concurrency: 2 });
    const t = tracker();
    const results = [1, 2, 3, 4, 5].map((id) => queue.run(t.task(id)));
    await settle();
    expect(t.started).toEqual([1, 2]);
    expect([queue.active, queue.pending]).toEqual([2, 3]);

    t.gates.get(2)?.open();
    await settle();
    expect(t.started).toEqual([1, 2, 3]);
    expect([queue.active, queue.pending]).toEqual([2, 2]);

    for (const id of [1, 3, 4, 5]) {
      await settle();
      t.gates.get(id)?.open();
    }
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect(t.max()).toBe(2);
    expect([queue.active, queue.pending]).toEqual([0, 0]);
  });

  it('raising the concurrency starts waiting tasks at once', async () => {
    const queue = createDownloadQueue({ concurrency: 1 });
    const t = tracker();
    const all = [1, 2, 3, 4].map((id) => queue.run(t.task(id)));
    await settle();
    expect(t.started).toEqual([1]);
    queue.setConcurrency(3);
    expect(queue.active).toBe(3); // synchronously, before anything finished
    await settle();
    expect(t.started).toEqual([1, 2, 3]);
    expect(queue.pending).toBe(1);
    for (const g of t.gates.values()) g.open();
    await settle();
    t.gates.get(4)?.open();
    await Promise.all(all);
    expect(queue.concurrency).toBe(3);
  });

  it('lowering the concurrency lets running tasks finish but starts nothing until below it', async () => {
    const queue = createDownloadQueue({ concurrency: 3 });
    const t = tracker();
    const all = [1, 2, 3, 4].map((id) => queue.run(t.task(id)));
    await settle();
    queue.setConcurrency(1);
    t.gates.get(1)?.open();
    await settle();
    expect(t.started).toEqual([1, 2, 3]); // 2 still running: 4 must wait
    expect([queue.active, queue.pending]).toEqual([2, 1]);
    t.gates.get(2)?.open();
    await settle();
    expect(t.started).toEqual([1, 2, 3]);
    t.gates.get(3)?.open();
    await settle();
    expect(t.started).toEqual([1, 2, 3, 4]);
    t.gates.get(4)?.open();
    await Promise.all(all);
  });

  it('a failing or synchronously throwing task rejects its caller and frees its slot', async () => {
    const queue = createDownloadQueue({ concurrency: 1 });
    const boom = queue.run(() => {
      throw new Error('sync boom');
    });
    const rejected = queue.run(() => Promise.reject(new Error('async boom')));
    const after = queue.run(async () => 'still runs');
    await expect(boom).rejects.toThrow('sync boom');
    await expect(rejected).rejects.toThrow('async boom');
    await expect(after).resolves.toBe('still runs');
    expect(queue.active).toBe(0);
  });

  it('a caller that aborts while waiting leaves the line and its task never runs', async () => {
    const queue = createDownloadQueue({ concurrency: 1 });
    const t = tracker();
    const first = queue.run(t.task(1));
    const controller = new AbortController();
    let ranSecond = false;
    const second = queue.run(
      async () => {
        ranSecond = true;
      },
      { signal: controller.signal },
    );
    await settle();
    expect(queue.pending).toBe(1);
    controller.abort(new Error('user cancelled'));
    await expect(second).rejects.toThrow('user cancelled');
    expect(queue.pending).toBe(0);
    t.gates.get(1)?.open();
    await first;
    await settle();
    expect(ranSecond).toBe(false);
    await expect(queue.run(async () => 1, { signal: AbortSignal.abort() })).rejects.toBeDefined();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses concurrency %s', (value) => {
    expect(() => createDownloadQueue({ concurrency: value })).toThrow(RangeError);
    expect(() => createDownloadQueue({ concurrency: 2 }).setConcurrency(value)).toThrow(RangeError);
  });
});
