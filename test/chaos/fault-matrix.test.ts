// Every simulator fault × every phase it applies to, table-driven: the final state of a generation
// (or of the balance), the error kind and message the user sees, and how many tasks APIXO created
// (money safety). The table is checked for completeness against the simulator itself, so a new
// fault kind or phase fails here until someone says what it should do. Single documented error
// paths (credits, keys, content) live in test/core/jobs/engine-errors.test.ts; this file is the
// fault grid, including what happens when a fault does not go away.
import { afterEach, describe, expect, it } from 'vitest';
import { publicInternetOnly } from '../../main/core/net/address-policy';
import { FaultController, type FaultKind, type FaultSpec, type RequestPhase } from '../../main/demo/faults';
import { BalanceTracker } from '../../main/service/balance';
import { EventHub } from '../../main/service/event-hub';
import { fileSha256, type Harness, type HarnessOptions, startHarness } from '../helpers/engine-harness';
import { servedClipHashes } from '../helpers/library-audit';

const KINDS = [
  'server_error',
  'unavailable',
  'slow',
  'reset',
  'truncated',
  'malformed_json',
  'bad_result_json',
  'rate_limit',
  'range_ignored',
  'expired',
  'oversized',
  'drip',
  'bad_result_url',
  'not_mp4',
] as const satisfies readonly FaultKind[];
// Fails to compile when FaultKind gains a member this list does not name.
const EVERY_KIND: Exclude<FaultKind, (typeof KINDS)[number]> extends never ? true : never = true;
const PHASES = ['submit', 'status', 'download', 'balance'] as const satisfies readonly RequestPhase[];

const UNCERTAIN = /could not confirm whether APIXO received this request/;
// A client that gives up after 600 ms against answers held back 1.5 s: wide margins both ways, so a
// busy CI machine neither rescues a slow answer nor turns a normal one into a timeout.
const FAST_TIMEOUT: HarnessOptions = { clientTimeoutMs: 600 };
const SLOW = { delayMs: 1_500 };
// One byte every 250 ms never trips the 600 ms idle timeout; only the overall deadline (2 × 600 ms) ends it.
const DRIP = { delayMs: 250 };
const OVERSIZED = { bodyBytes: 8 * 1024 * 1024 };

interface JobCell {
  phase: Exclude<RequestPhase, 'balance'>;
  kind: FaultKind;
  variant: string;
  faults: FaultSpec[];
  options?: HarnessOptions;
  state: string;
  errorKind?: string | null;
  message?: RegExp;
  /** Tasks APIXO created: the money-safety check. */
  created: number;
}

const submit = (
  kind: FaultKind,
  beforeCreate: boolean,
  expected: Pick<JobCell, 'state' | 'errorKind' | 'message' | 'created'>,
  extra: Partial<FaultSpec> = {},
  options?: HarnessOptions,
): JobCell => ({
  phase: 'submit',
  kind,
  variant: beforeCreate ? 'strikes before the task exists' : 'strikes after the task was created',
  faults: [{ kind, phase: 'submit', times: 1, beforeCreate, ...extra }],
  options,
  ...expected,
});

const recovers = (
  phase: JobCell['phase'],
  kind: FaultKind,
  times: number,
  extra: Partial<FaultSpec> = {},
  options?: HarnessOptions,
): JobCell => ({
  phase,
  kind,
  variant: `${times}× then fine`,
  faults: [{ kind, phase, times, ...extra }],
  options,
  state: 'done',
  errorKind: null,
  created: 1,
});

const JOB_CELLS: JobCell[] = [
  // submit: an answer lost after the task exists is never resent by itself (uncertain); an answer
  // that proves nothing was created (429) is retried.
  submit('server_error', false, { state: 'uncertain', errorKind: 'server', message: UNCERTAIN, created: 1 }),
  submit('server_error', true, { state: 'uncertain', errorKind: 'server', message: UNCERTAIN, created: 0 }),
  submit('unavailable', false, { state: 'uncertain', errorKind: 'server', message: UNCERTAIN, created: 1 }),
  submit('unavailable', true, { state: 'uncertain', errorKind: 'server', message: UNCERTAIN, created: 0 }),
  submit(
    'slow',
    false,
    { state: 'uncertain', errorKind: 'network', message: UNCERTAIN, created: 1 },
    SLOW,
    FAST_TIMEOUT,
  ),
  submit(
    'slow',
    true,
    { state: 'uncertain', errorKind: 'network', message: UNCERTAIN, created: 0 },
    SLOW,
    FAST_TIMEOUT,
  ),
  submit('reset', false, { state: 'uncertain', errorKind: 'network', message: UNCERTAIN, created: 1 }),
  submit('reset', true, { state: 'uncertain', errorKind: 'network', message: UNCERTAIN, created: 0 }),
  submit('truncated', false, { state: 'uncertain', message: UNCERTAIN, created: 1 }),
  submit('truncated', true, { state: 'uncertain', message: UNCERTAIN, created: 0 }),
  submit('malformed_json', false, {
    state: 'uncertain',
    errorKind: 'protocol',
    message: UNCERTAIN,
    created: 1,
  }),
  submit('malformed_json', true, {
    state: 'uncertain',
    errorKind: 'protocol',
    message: UNCERTAIN,
    created: 0,
  }),
  {
    ...recovers('submit', 'rate_limit', 8),
    variant: 'a storm of 8, then accepted',
  },
  // an answer too big or too slow to read proves nothing about what the server did
  submit(
    'oversized',
    false,
    { state: 'uncertain', errorKind: 'protocol', message: UNCERTAIN, created: 1 },
    OVERSIZED,
  ),
  submit(
    'oversized',
    true,
    { state: 'uncertain', errorKind: 'protocol', message: UNCERTAIN, created: 0 },
    OVERSIZED,
  ),
  submit(
    'drip',
    false,
    { state: 'uncertain', errorKind: 'network', message: UNCERTAIN, created: 1 },
    DRIP,
    FAST_TIMEOUT,
  ),
  submit(
    'drip',
    true,
    { state: 'uncertain', errorKind: 'network', message: UNCERTAIN, created: 0 },
    DRIP,
    FAST_TIMEOUT,
  ),

  // status: every transient fault ends in a finished download, with exactly one task.
  recovers('status', 'server_error', 3),
  recovers('status', 'unavailable', 3),
  recovers('status', 'slow', 2, SLOW, FAST_TIMEOUT),
  recovers('status', 'reset', 3),
  recovers('status', 'truncated', 3),
  recovers('status', 'malformed_json', 3),
  recovers('status', 'bad_result_json', 3),
  { ...recovers('status', 'rate_limit', 10), variant: 'a storm of 10, then fine' },
  recovers('status', 'oversized', 2, OVERSIZED),
  recovers('status', 'drip', 1, DRIP, FAST_TIMEOUT),
  // a result link the download refuses is final: failed at once, not polled again
  ...(
    [
      ['file:///etc/passwd', /result link is not a web address/],
      ['ftp://cdn.example.com/video.mp4', /result link is not a web address/],
      ['http://user:pass@cdn.example.com/video.mp4', /contains a user name or password/],
    ] as const
  ).map(
    ([resultUrl, message]): JobCell => ({
      phase: 'status',
      kind: 'bad_result_url',
      variant: resultUrl,
      faults: [{ kind: 'bad_result_url', phase: 'status', times: 1, resultUrl }],
      state: 'failed',
      errorKind: 'invalid_request',
      message: new RegExp(`^The video could not be saved: .*${message.source}.*Nothing was downloaded\\.$`),
      created: 1,
    }),
  ),
  {
    phase: 'status',
    kind: 'bad_result_url',
    variant: 'the cloud metadata address, real-API policy',
    faults: [
      {
        kind: 'bad_result_url',
        phase: 'status',
        times: 1,
        resultUrl: 'http://169.254.169.254/latest/meta-data/video.mp4',
      },
    ],
    options: { resultLinkPolicy: publicInternetOnly },
    state: 'failed',
    errorKind: 'invalid_request',
    message: /private or local address \(169\.254\.169\.254\)/,
    created: 1,
  },
  {
    phase: 'status',
    kind: 'server_error',
    variant: 'never goes away',
    faults: [{ kind: 'server_error', phase: 'status' }],
    state: 'stalled',
    message: /has not finished this task/,
    created: 1,
  },

  // download: resumed and verified through every transient fault.
  recovers('download', 'server_error', 3),
  recovers('download', 'unavailable', 3),
  recovers('download', 'slow', 2, { delayMs: 500 }),
  recovers('download', 'reset', 3, { bodyFraction: 0.3 }),
  recovers('download', 'truncated', 3),
  { ...recovers('download', 'rate_limit', 6), variant: 'a storm of 6, then fine' },
  recovers('download', 'range_ignored', 1),
  recovers('download', 'not_mp4', 1),
  {
    phase: 'download',
    kind: 'not_mp4',
    variant: 'never goes away',
    faults: [{ kind: 'not_mp4', phase: 'download' }],
    state: 'failed',
    errorKind: 'protocol',
    message:
      /could not be saved: The file server did not send a playable video \(18 bytes; not an MP4 video\)/,
    created: 1,
  },
  {
    phase: 'download',
    kind: 'range_ignored',
    variant: 'after a reset: the part is restarted, not spliced',
    faults: [
      { kind: 'reset', phase: 'download', times: 1, bodyFraction: 0.4 },
      { kind: 'range_ignored', phase: 'download' },
    ],
    state: 'done',
    errorKind: null,
    created: 1,
  },
  {
    phase: 'download',
    kind: 'expired',
    variant: 'once: a fresh link is asked for and works',
    faults: [{ kind: 'expired', phase: 'download', times: 1 }],
    state: 'done',
    errorKind: null,
    created: 1,
  },
  {
    phase: 'download',
    kind: 'expired',
    variant: 'for good (410)',
    faults: [{ kind: 'expired', phase: 'download' }],
    state: 'expired',
    errorKind: 'expired',
    message: /link has expired/,
    created: 1,
  },
  {
    phase: 'download',
    kind: 'server_error',
    variant: 'never goes away',
    faults: [{ kind: 'server_error', phase: 'download' }],
    state: 'failed',
    errorKind: 'server',
    message: /could not be saved.*Retry to resume/,
    created: 1,
  },
];

interface BalanceCell {
  kind: FaultKind;
  spec?: Partial<FaultSpec>;
  options?: HarnessOptions;
  message: RegExp;
}

const BALANCE_CELLS: BalanceCell[] = [
  { kind: 'server_error', message: /server error \(HTTP 500\)/ },
  { kind: 'unavailable', message: /server error \(HTTP 503\)/ },
  { kind: 'slow', spec: SLOW, options: FAST_TIMEOUT, message: /did not answer in time/ },
  { kind: 'reset', message: /connection to APIXO broke off/ },
  { kind: 'truncated', message: /connection to APIXO broke off|could not understand/ },
  { kind: 'malformed_json', message: /could not understand/ },
  { kind: 'rate_limit', message: /rate limiting/ },
  { kind: 'oversized', spec: OVERSIZED, message: /answer larger than 1 MB/ },
  { kind: 'drip', spec: DRIP, options: FAST_TIMEOUT, message: /did not answer in time/ },
];

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('the fault matrix', () => {
  it('covers every fault in every phase the simulator accepts it for', () => {
    expect(EVERY_KIND).toBe(true);
    const covered = new Set([
      ...JOB_CELLS.map((cell) => `${cell.phase}/${cell.kind}`),
      ...BALANCE_CELLS.map((cell) => `balance/${cell.kind}`),
    ]);
    const applicable: string[] = [];
    for (const phase of PHASES)
      for (const kind of KINDS) {
        try {
          new FaultController().inject({ kind, phase });
          applicable.push(`${phase}/${kind}`);
        } catch {
          // the simulator refuses this pair: it means nothing in this phase
        }
      }
    expect(applicable.length).toBeGreaterThan(25);
    expect(applicable.filter((cell) => !covered.has(cell))).toEqual([]);
    expect([...covered].filter((cell) => !applicable.includes(cell))).toEqual([]);
  });

  it.each(JOB_CELLS)('$phase × $kind ($variant) → $state', async (cell) => {
    harness = await startHarness(cell.options);
    for (const fault of cell.faults) harness.sim.faults.inject(fault);
    const [created] = harness.create({ prompt: `fault matrix: ${cell.phase} ${cell.kind}` });
    const settled = await harness.settle(created?.id ?? '', 20_000);
    expect(settled.state, settled.errorMessage ?? '').toBe(cell.state);
    if (cell.errorKind !== undefined) expect(settled.errorKind).toBe(cell.errorKind);
    if (cell.message) expect(settled.errorMessage ?? '').toMatch(cell.message);
    expect(harness.sim.stats.submitsAccepted, 'tasks created (paid for)').toBe(cell.created);
    if (settled.state === 'done') {
      const sha256 = await fileSha256(harness.library, settled);
      expect(sha256).toBe(settled.video?.sha256);
      // Whole and unspliced: exactly the file the server holds, whatever cut the transfer.
      expect((await servedClipHashes()).has(sha256)).toBe(true);
    }
    // The message a user reads never carries internals.
    expect(settled.errorMessage ?? '').not.toMatch(/undefined|\[object|Error:|at \w+ \(|ECONN|UND_ERR/);
    if (settled.state === 'done') expect(harness.library.getPartialDownload(settled.id)).toBeNull();
    expect(harness.logs.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it.each(BALANCE_CELLS)('balance × $kind → a readable error, then the balance', async (cell) => {
    harness = await startHarness(cell.options);
    const client = harness.client;
    const tracker = new BalanceTracker(
      async () => ({ client, backend: 'apixo' }),
      harness.clock,
      new EventHub(),
    );
    harness.sim.faults.inject({ kind: cell.kind, phase: 'balance', times: 1, ...cell.spec });
    const failed = await tracker.refresh();
    expect(failed.usd).toBeNull();
    expect(failed.error ?? '').toMatch(cell.message);
    expect(failed.error ?? '').not.toMatch(/undefined|\[object|Error:|ECONN|UND_ERR/);
    const recovered = await tracker.refresh();
    expect(recovered).toMatchObject({ error: null, usd: harness.sim.balance() });
  });
});
