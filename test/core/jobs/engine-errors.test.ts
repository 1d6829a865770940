// Every documented error path, table-driven: the final state, the error kind and the message the
// user sees, and how many tasks the simulator created (money safety).
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec, SimulatorOptions } from '../../../main/demo/simulator';
import { fileSha256, type Harness, type HarnessOptions, startHarness } from '../../helpers/engine-harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

interface Case {
  name: string;
  options?: HarnessOptions;
  sim?: SimulatorOptions;
  faults?: FaultSpec[];
  prompt?: string;
  imageUrl?: string;
  state: string;
  kind?: string | null;
  failCode?: string;
  message?: RegExp;
  created: number;
}

const CASES: Case[] = [
  {
    name: 'invalid key (401)',
    sim: { apiKeys: ['another-key'] },
    state: 'failed',
    kind: 'invalid_key',
    message: /Invalid API key/,
    created: 0,
  },
  {
    name: 'insufficient credits as 400',
    sim: { balanceUsd: 0, insufficientCredits: '400' },
    state: 'failed',
    kind: 'insufficient_credits',
    message: /Insufficient credits/,
    created: 0,
  },
  {
    name: 'insufficient credits as 402',
    sim: { balanceUsd: 0, insufficientCredits: '402' },
    state: 'failed',
    kind: 'insufficient_credits',
    message: /Insufficient credits/,
    created: 0,
  },
  {
    name: 'insufficient credits as failCode',
    sim: { balanceUsd: 0, insufficientCredits: 'failCode' },
    state: 'failed',
    kind: 'insufficient_credits',
    failCode: 'INSUFFICIENT_CREDITS',
    message: /Insufficient credits/,
    created: 1,
  },
  {
    name: 'content violation',
    prompt: 'a forbidden scene',
    state: 'failed',
    kind: 'task_failed',
    failCode: 'CONTENT_VIOLATION',
    message: /safety/,
    created: 1,
  },
  {
    name: 'unreachable image URL',
    imageUrl: 'http://127.0.0.1:9/missing.png',
    state: 'failed',
    kind: 'task_failed',
    failCode: 'INVALID_IMAGE_URL',
    message: /image URL/,
    created: 1,
  },
  {
    name: 'submit 500 after the task was created',
    faults: [{ kind: 'server_error', phase: 'submit', times: 1 }],
    state: 'uncertain',
    kind: 'server',
    message: /could not confirm/,
    created: 1,
  },
  {
    name: 'submit 503 before anything was created',
    faults: [{ kind: 'unavailable', phase: 'submit', times: 1, beforeCreate: true }],
    state: 'uncertain',
    kind: 'server',
    created: 0,
  },
  {
    name: 'submit connection reset after sending',
    faults: [{ kind: 'reset', phase: 'submit', times: 1 }],
    state: 'uncertain',
    kind: 'network',
    created: 1,
  },
  {
    name: 'submit answer too slow (timeout)',
    options: { clientTimeoutMs: 300 },
    faults: [{ kind: 'slow', phase: 'submit', times: 1, delayMs: 1_000 }],
    state: 'uncertain',
    kind: 'network',
    created: 1,
  },
  {
    name: 'submit answer not JSON',
    faults: [{ kind: 'malformed_json', phase: 'submit', times: 1 }],
    state: 'uncertain',
    kind: 'protocol',
    created: 1,
  },
  {
    name: 'submit truncated answer',
    faults: [{ kind: 'truncated', phase: 'submit', times: 1 }],
    state: 'uncertain',
    created: 1,
  },
  {
    name: 'submit rate limited, then accepted',
    faults: [{ kind: 'rate_limit', phase: 'submit', times: 3 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'status 500s, then fine',
    faults: [{ kind: 'server_error', phase: 'status', times: 3 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'status not JSON, then fine',
    faults: [{ kind: 'malformed_json', phase: 'status', times: 2 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'status resultJson unparsable, then fine',
    faults: [{ kind: 'bad_result_json', phase: 'status', times: 2 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'status connection resets, then fine',
    faults: [{ kind: 'reset', phase: 'status', times: 2 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'status too slow once',
    options: { clientTimeoutMs: 300 },
    faults: [{ kind: 'slow', phase: 'status', times: 1, delayMs: 1_000 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'status rate limited',
    faults: [{ kind: 'rate_limit', phase: 'status', times: 4 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'download truncated twice',
    faults: [{ kind: 'truncated', phase: 'download', times: 2 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'download reset twice',
    faults: [{ kind: 'reset', phase: 'download', times: 2 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'download 500s',
    faults: [{ kind: 'server_error', phase: 'download', times: 2 }],
    state: 'done',
    created: 1,
  },
  {
    name: 'download ignores Range after a reset',
    faults: [
      { kind: 'reset', phase: 'download', times: 1 },
      { kind: 'range_ignored', phase: 'download' },
    ],
    state: 'done',
    created: 1,
  },
  {
    name: 'result link expired (410)',
    faults: [{ kind: 'expired', phase: 'download' }],
    state: 'expired',
    kind: 'expired',
    message: /expired/,
    created: 1,
  },
  {
    // Refused for good minutes after the task finished: not taken for expiry (that would send
    // the user to Remix, which pays again), but retried and then left for Retry.
    name: 'result link refused for good (403), task finished just now',
    faults: [{ kind: 'expired', phase: 'download', status: 403 }],
    state: 'failed',
    kind: 'server',
    message: /refused the video's link \(HTTP 403\).*Retry to resume/,
    created: 1,
  },
  {
    name: 'result link refused twice (404) right after the task finished, then served',
    faults: [{ kind: 'expired', phase: 'download', status: 404, times: 2 }],
    state: 'done',
    created: 1,
  },
];

describe('every documented error path ends in the right state', () => {
  it.each(CASES)('$name → $state', async (testCase) => {
    harness = await startHarness({ ...testCase.options, sim: testCase.sim });
    for (const fault of testCase.faults ?? []) harness.sim.faults.inject(fault);
    const params = testCase.imageUrl
      ? { mode: 'image-to-video' as const, imageUrl: testCase.imageUrl, aspectRatio: undefined }
      : {};
    const [created] = harness.create({ ...params, ...(testCase.prompt ? { prompt: testCase.prompt } : {}) });
    const settled = await harness.settle(created?.id ?? '');
    expect(settled.state).toBe(testCase.state);
    if (testCase.kind !== undefined) expect(settled.errorKind).toBe(testCase.kind);
    if (testCase.failCode) expect(settled.failCode).toBe(testCase.failCode);
    if (testCase.message) expect(settled.errorMessage ?? '').toMatch(testCase.message);
    expect(harness.sim.stats.submitsAccepted).toBe(testCase.created);
    if (settled.state === 'done') {
      expect(settled.errorKind).toBeNull();
      expect(await fileSha256(harness.library, settled)).toBe(settled.video?.sha256);
    }
    // Whatever happened, no half file is left where the library looks.
    expect(harness.logs.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});

describe('the user decides about uncertain submits', () => {
  it('resubmit sends again only when asked; dismiss sends nothing', async () => {
    harness = await startHarness();
    harness.sim.faults.inject({ kind: 'server_error', phase: 'submit', times: 2 });
    const [first, second] = harness.create({}, 2);
    const a = await harness.settle(first?.id ?? '');
    const b = await harness.settle(second?.id ?? '');
    expect([a.state, b.state]).toEqual(['uncertain', 'uncertain']);
    expect(harness.sim.stats.submitsAccepted).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.sim.stats.submitsAccepted).toBe(2); // nothing resent by itself

    harness.engine.resubmit(a.id);
    expect((await harness.settle(a.id)).state).toBe('done');
    expect(harness.engine.dismiss(b.id).state).toBe('cancelled');
    expect(harness.sim.stats.submitsAccepted).toBe(3);
  });
});

describe('what was paid for is never lost from view', () => {
  it('a job cancelled while its submit was out keeps its task id and counts as spent', async () => {
    harness = await startHarness();
    harness.sim.faults.inject({ kind: 'slow', phase: 'submit', times: 1, delayMs: 1500 });
    const [job] = harness.create({ resolution: '720p', duration: 5 }); // $0.40
    const id = job?.id ?? '';
    await harness.waitFor(id, (record) => record.state === 'submitting');
    harness.engine.cancel(id);
    const cancelled = await harness.waitFor(id, (r) => r.state === 'cancelled' && r.taskId !== null);
    expect(harness.sim.stats.submitsAccepted).toBe(1);
    expect(cancelled.submittedAt).not.toBeNull();
    expect(harness.library.spentUsd({ backend: 'apixo' })).toBeCloseTo(0.4, 6);
  });

  it('after a long pause (app closed past the stall time) it asks APIXO before calling a job stalled', async () => {
    harness = await startHarness();
    const [job] = harness.create({ resolution: '720p', duration: 5 });
    const id = job?.id ?? '';
    await harness.waitFor(id, (record) => record.state === 'pending' && record.taskId !== null);
    await harness.engine.stop();
    await new Promise((resolve) => setTimeout(resolve, 3_300)); // ×200: 11 minutes of app time
    await harness.restart();
    const settled = await harness.settle(id);
    expect(settled.state).toBe('done');
    expect(harness.sim.stats.submitsAccepted).toBe(1);
  });
});

describe('network and rate limits', () => {
  it('a 429 storm loses no job, and the client slows down', async () => {
    harness = await startHarness();
    harness.sim.faults.inject({ kind: 'rate_limit', phase: 'any', times: 40 });
    const batch = harness.create({}, 8);
    const results = await Promise.all(batch.map((record) => harness?.settle(record.id, 30_000)));
    expect(results.map((record) => record?.state)).toEqual(Array(8).fill('done'));
    expect(harness.sim.stats.submitsAccepted).toBe(8);
    expect(harness.sim.stats.rateLimited).toBe(40);
  });

  it('the simulator enforcing its budget: every job completes', async () => {
    harness = await startHarness({ sim: { requestsPerMinute: 120 } });
    const batch = harness.create({}, 10);
    const results = await Promise.all(batch.map((record) => harness?.settle(record.id, 30_000)));
    expect(results.every((record) => record?.state === 'done')).toBe(true);
    expect(harness.sim.stats.submitsAccepted).toBe(10);
    expect(harness.sim.stats.peakRequestsPerMinute).toBeLessThanOrEqual(120);
  });

  it('the remote-task cap holds: never more tasks in flight than allowed', async () => {
    harness = await startHarness({ maxRemoteTasks: 2 });
    const batch = harness.create({}, 6);
    const results = await Promise.all(batch.map((record) => harness?.settle(record.id, 30_000)));
    expect(results.every((record) => record?.state === 'done')).toBe(true);
    expect(harness.sim.stats.peakConcurrentTasks).toBeLessThanOrEqual(2);
  });
});
