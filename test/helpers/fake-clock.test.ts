import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock';

describe('FakeClock', () => {
  it('stands still until advanced', async () => {
    const clock = new FakeClock(1000);
    expect(clock.now()).toBe(1000);
    await clock.advance(250);
    expect(clock.now()).toBe(1250);
  });

  it('fires timers in due order, ties in scheduling order, each at its own due time', async () => {
    const clock = new FakeClock(0);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 30);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => seen.push(`b1@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push(`b2@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push('late'), 31);
    await clock.advance(30);
    expect(seen).toEqual(['a@10', 'b1@20', 'b2@20', 'c@30']);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.nextTimerAt()).toBe(31);
  });

  it('fires timers scheduled during advance when they fall inside the window', async () => {
    const clock = new FakeClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 5);
    }, 10);
    await clock.advance(20);
    expect(seen).toEqual([10, 15]);
  });

  it('completes a chain of sleeps inside one advance', async () => {
    const clock = new FakeClock(0);
    const times: number[] = [];
    const chain = (async () => {
      for (let i = 0; i < 3; i += 1) {
        await clock.sleep(100);
        times.push(clock.now());
      }
    })();
    await clock.advance(300);
    await chain;
    expect(times).toEqual([100, 200, 300]);
  });

  it('cancel() stops a timer from firing', async () => {
    const clock = new FakeClock(0);
    let fired = false;
    const handle = clock.setTimeout(() => {
      fired = true;
    }, 10);
    handle.cancel();
    await clock.advance(100);
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('sleep rejects with the signal reason when aborted, and at once when already aborted', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingTimers).toBe(0);
    await expect(clock.sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('runNext jumps to the next timer; negative delays fire at once', async () => {
    const clock = new FakeClock(0);
    let fired = 0;
    clock.setTimeout(() => {
      fired += 1;
    }, 5000);
    clock.setTimeout(() => {
      fired += 1;
    }, -5);
    expect(await clock.runNext()).toBe(true);
    expect(clock.now()).toBe(0);
    expect(await clock.runNext()).toBe(true);
    expect(clock.now()).toBe(5000);
    expect(fired).toBe(2);
    expect(await clock.runNext()).toBe(false);
  });
});
