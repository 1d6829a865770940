import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressCoalescer } from '../../main/service/coalesce-progress';

interface Sent {
  at: number;
  key: string;
  value: number;
}

describe('createProgressCoalescer (fake time)', () => {
  let sent: Sent[];
  let coalescer: ReturnType<typeof createProgressCoalescer<{ key: string; value: number }>>;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    sent = [];
    coalescer = createProgressCoalescer((item) => sent.push({ at: Date.now(), ...item }));
  });
  afterEach(() => {
    coalescer.dispose();
    vi.useRealTimers();
  });

  const push = (key: string, value: number) => coalescer.push(key, { key, value });

  it('never sends more than 10 per second per id, however fast values arrive', () => {
    for (let ms = 0; ms < 5000; ms++) {
      push('a', ms);
      push('b', ms);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    for (const key of ['a', 'b']) {
      const times = sent.filter((item) => item.key === key).map((item) => item.at);
      for (const start of times) {
        const inWindow = times.filter((time) => time >= start && time < start + 1000);
        expect(inWindow.length).toBeLessThanOrEqual(10);
      }
      // It still keeps the stream alive: ~10 per second over 5 s.
      expect(times.length).toBeGreaterThanOrEqual(49);
    }
  });

  it('sends the first value at once and then the latest value of each interval', () => {
    push('a', 1);
    expect(sent.map((item) => item.value)).toEqual([1]);
    push('a', 2);
    push('a', 3);
    push('a', 4);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sent.map((item) => item.value)).toEqual([1, 4]);
    expect(sent[1]?.at).toBe(100);
  });

  it('does not delay a value after a quiet spell', () => {
    push('a', 1);
    vi.advanceTimersByTime(5000);
    push('a', 2);
    expect(sent.map((item) => [item.at, item.value])).toEqual([
      [0, 1],
      [5000, 2],
    ]);
  });

  it('flushes the pending value on completion and forgets the id', () => {
    push('a', 1);
    push('a', 2);
    vi.advanceTimersByTime(30);
    coalescer.complete('a');
    expect(sent.map((item) => [item.at, item.value])).toEqual([
      [0, 1],
      [30, 2],
    ]);
    // The cancelled timer must not send it a second time.
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
    // A later download with the same id starts fresh.
    push('a', 3);
    expect(sent.at(-1)?.value).toBe(3);
  });

  it('sends nothing on completion when nothing is pending, and nothing after dispose', () => {
    push('a', 1);
    coalescer.complete('a');
    coalescer.complete('unknown');
    expect(sent).toHaveLength(1);
    push('b', 1);
    push('b', 2);
    coalescer.dispose();
    vi.advanceTimersByTime(1000);
    expect(sent.map((item) => item.key)).toEqual(['a', 'b']);
  });

  it('keeps ids independent', () => {
    push('a', 1);
    push('b', 1);
    push('a', 2);
    expect(sent.map((item) => `${item.key}${item.value}`)).toEqual(['a1', 'b1']);
    vi.advanceTimersByTime(100);
    expect(sent.map((item) => `${item.key}${item.value}`)).toEqual(['a1', 'b1', 'a2']);
  });
});
