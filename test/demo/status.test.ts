// statusTask: state computed lazily from the injected clock, the documented timings and shapes.
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { dataOf, KEY, resultUrlOf, status, submitOk, textToVideo } from './sim-http';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(options: SimulatorOptions = {}): Promise<{ s: Simulator; clock: FakeClock }> {
  const clock = new FakeClock();
  sim = await startSimulator({ clock, ...options });
  return { s: sim, clock };
}

describe('task progression', () => {
  it('goes pending → processing → success at the planned times, with the documented shapes', async () => {
    const { s, clock } = await start({ seed: 7 });
    const created = clock.now();
    const taskId = await submitOk(s);
    const task = s.tasks()[0];
    if (!task) throw new Error('no task');
    const total = task.completeAt - created;
    expect(total).toBeGreaterThanOrEqual(50_000);
    expect(total).toBeLessThanOrEqual(70_000);
    expect(task.pendingUntil - created).toBe(Math.round(total * 0.1));

    const pending = await status(s, taskId);
    expect(pending.json).toEqual({
      code: 200,
      message: 'success',
      data: { taskId, state: 'pending', createTime: created },
    });

    await clock.advanceTo(task.pendingUntil);
    expect(dataOf(await status(s, taskId))).toEqual({ taskId, state: 'processing', createTime: created });

    await clock.advanceTo(task.completeAt - 1);
    expect(dataOf(await status(s, taskId)).state).toBe('processing');

    await clock.advanceTo(task.completeAt);
    const done = await status(s, taskId);
    expect(dataOf(done)).toEqual({
      taskId,
      state: 'success',
      resultJson: expect.any(String),
      createTime: created,
      completeTime: task.completeAt,
      costTime: total,
    });
    expect(resultUrlOf(done)).toMatch(new RegExp(`^${s.url}/results/[0-9a-f]+\\.mp4$`));
    expect(s.stats.statusQueries).toBe(4);
  });

  it('draws 1080p durations from 70–90 s, scaled by timeScale', async () => {
    const { s, clock } = await start({ timeScale: 0.01 });
    for (let i = 0; i < 20; i += 1) await submitOk(s, textToVideo({ resolution: '1080p' }));
    for (const task of s.tasks()) {
      const total = task.completeAt - clock.now();
      expect(total).toBeGreaterThanOrEqual(700);
      expect(total).toBeLessThanOrEqual(900);
    }
  });

  it('is reproducible with a seed', async () => {
    const plan = async (seed: number) => {
      const { s, clock } = await start({ seed });
      for (let i = 0; i < 3; i += 1) await submitOk(s);
      const durations = s.tasks().map((task) => task.completeAt - clock.now());
      await s.close();
      sim = null;
      return durations;
    };
    const first = await plan(42);
    expect(await plan(42)).toEqual(first);
    expect(await plan(43)).not.toEqual(first);
  });

  it('fails a prompt with the violation word (any case) with CONTENT_VIOLATION', async () => {
    const { s, clock } = await start({ violationWord: 'forbidden' });
    const taskId = await submitOk(s, textToVideo({ prompt: 'Something FORBIDDEN here' }));
    await clock.advance(90_000);
    const answer = await status(s, taskId);
    const task = s.tasks()[0];
    expect(answer.json).toEqual({
      code: 200,
      message: 'success',
      data: {
        taskId,
        state: 'failed',
        failCode: 'CONTENT_VIOLATION',
        failMsg: 'Content does not meet safety guidelines',
        createTime: task?.createdAt,
        // Moderation answers early: at the end of the pending phase.
        completeTime: task?.pendingUntil,
      },
    });
  });

  it('answers 404 for an unknown task and 400 without taskId', async () => {
    const { s } = await start();
    const unknown = await status(s, 'task_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ code: 404, message: 'Task not found', data: null });
    const noId = await status(s, '');
    expect(noId.status).toBe(400);
    expect(dataOf(noId).error).toBe('Missing required query parameter: taskId');
  });

  it('requires the key on status too', async () => {
    const { s } = await start();
    const taskId = await submitOk(s);
    expect((await status(s, taskId, null)).status).toBe(401);
    expect((await status(s, taskId, KEY)).status).toBe(200);
  });

  it('tasks() snapshots reflect the clock without any request', async () => {
    const { s, clock } = await start();
    await submitOk(s);
    expect(s.tasks()[0]?.state).toBe('pending');
    await clock.advance(30_000);
    expect(s.tasks()[0]?.state).toBe('processing');
    await clock.advance(60_000);
    expect(s.tasks()[0]).toMatchObject({ state: 'success', resultUrl: expect.stringContaining('/results/') });
  });
});
