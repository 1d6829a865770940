// Property-based abuse of the contract: malformed arguments to every method, through the real
// dispatcher over the real handlers (createStudioCore), and through the browser host's WebSocket.
// Every call must come back as a validation (or forbidden) envelope — never a throw, never an
// 'internal' error — and the host must keep serving afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import type { Dispatch } from '../../main/service/dispatch';
import { channelNames, type Envelope, specFor } from '../../preload/contract';
import { decodeWire, encodeWire } from '../../preload/wire';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';

const RUNS_PER_CHANNEL = 120;
const WIRE_RUNS_PER_CHANNEL = 25;
const SEED = 424_242;

/** The keys of the object a method takes (under optional/default wrappers), if it takes one. */
function objectKeys(schema: z.ZodType): string[] {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 4; depth++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    )
      current = current.unwrap() as z.ZodType;
    else break;
  }
  return [];
}

const wild = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});
const fieldValue = (json: boolean) =>
  fc.oneof(
    fc.string(),
    fc.string({ minLength: 4_100, maxLength: 4_200 }), // past every length limit but 10 000
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.constantFrom('__proto__', 'constructor', '../../etc/passwd', 'file:///etc/passwd', '\u0000', ''),
    json ? fc.jsonValue({ maxDepth: 2 }) : wild,
  );

/** Objects shaped like the method's argument (right keys, wrong values, missing or extra keys). */
function nearValid(keys: string[], json: boolean) {
  const entries = keys.map((key) => fc.tuple(fc.constant(key), fieldValue(json)));
  return fc
    .tuple(
      entries.length > 0 ? fc.subarray(entries.map((entry) => entry)) : fc.constant([]),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fieldValue(json)), { nil: undefined }),
    )
    .chain(([chosen, extra]) =>
      fc.tuple(fc.tuple(...(chosen as fc.Arbitrary<[string, unknown]>[])), fc.constant(extra)),
    )
    .map(([pairs, extra]) => {
      const value: Record<string, unknown> = {};
      for (const [key, item] of pairs) value[key] = item;
      if (extra) value[extra[0]] = extra[1];
      return value;
    });
}

/** Arguments the method's schema refuses (anything it accepts is not malformed, so it is skipped). */
function malformed(channel: string, json: boolean): fc.Arbitrary<unknown> {
  const spec = specFor(channel);
  if (!spec) throw new Error(`no spec for ${channel}`);
  const shaped = nearValid(objectKeys(spec.input), json);
  const any = json ? fc.jsonValue({ maxDepth: 3 }) : wild;
  return fc
    .oneof(any, shaped, shaped)
    .filter((value) => !spec.input.safeParse(json ? decodeWire(encodeWire(value)) : value).success);
}

function expectRefused(envelope: Envelope<unknown>, kind: 'validation' | 'forbidden'): void {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error.kind).toBe(kind);
  expect(envelope.error.message).toEqual(expect.any(String));
  expect(envelope.error.message).not.toMatch(/\n\s+at |node_modules|internal/);
}

const CHANNELS = channelNames();

describe('the dispatcher refuses malformed arguments on every channel', () => {
  let harness: CoreHarness;
  let dispatch: Dispatch;
  const internalErrors: unknown[] = [];
  beforeAll(async () => {
    harness = await startCoreHarness();
    // The core's own door; an 'internal' answer is exactly what the dispatcher would have logged.
    dispatch = async (channel, argument) => {
      const envelope = await harness.core.dispatch(channel, argument);
      if (!envelope.ok && envelope.error.kind === 'internal') internalErrors.push({ channel, envelope });
      return envelope;
    };
  });
  afterAll(() => harness?.close());

  it('knows every channel', () => {
    expect(CHANNELS.length).toBeGreaterThan(25);
    for (const channel of CHANNELS) expect(specFor(channel), channel).toBeDefined();
  });

  it.each(CHANNELS)('%s', async (channel) => {
    await fc.assert(
      fc.asyncProperty(malformed(channel, false), async (argument) => {
        expectRefused(await dispatch(channel, argument), 'validation');
      }),
      { numRuns: RUNS_PER_CHANNEL, seed: SEED },
    );
    expect(internalErrors).toEqual([]);
  });

  it('unknown and odd channel names are forbidden', async () => {
    const known = new Set(CHANNELS);
    const odd = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__.x', 'constructor.name', 'app.__proto__', 'app.info.x', '.', 'toString.call'),
      fc.constantFrom(...CHANNELS).map((channel) => `${channel}.extra`),
      fc.constantFrom(...CHANNELS).map((channel) => channel.toUpperCase()),
    );
    await fc.assert(
      fc.asyncProperty(
        odd.filter((channel) => !known.has(channel)),
        wild,
        async (channel, argument) => {
          expectRefused(await dispatch(channel, argument), 'forbidden');
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });
});

describe('the browser host WebSocket refuses them too, and keeps serving', () => {
  let dir: string;
  let host: BrowserHost;
  let socket: WebSocket;
  const replies: unknown[] = [];
  let waiting: ((reply: unknown) => void) | null = null;

  const connect = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, {
        origin: host.origin,
      });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  /** Sends one raw frame and resolves with the next reply (events are skipped). */
  const exchange = (frame: string): Promise<{ id: unknown; envelope: Envelope<unknown> }> =>
    new Promise((resolve) => {
      waiting = resolve as (reply: unknown) => void;
      socket.send(frame);
    });

  beforeAll(async () => {
    delete process.env.APIXO_API_KEY;
    dir = await mkdtemp(join(tmpdir(), 'wan-chaos-fuzz-'));
    host = await startBrowserHost({
      userDataDir: join(dir, 'data'),
      libraryDir: join(dir, 'library'),
      forceDemo: true,
      secretService: `wan-studio-fuzz-${process.pid}`,
    });
    socket = await connect();
    socket.on('message', (data) => {
      const message = decodeWire(data.toString()) as Record<string, unknown>;
      if ('event' in message) return;
      replies.push(message);
      const resolve = waiting;
      waiting = null;
      resolve?.(message);
    });
  });
  afterAll(async () => {
    socket?.close();
    await host?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('malformed arguments on every channel, as JSON over the wire', async () => {
    let id = 0;
    for (const channel of CHANNELS) {
      await fc.assert(
        fc.asyncProperty(malformed(channel, true), async (argument) => {
          id++;
          const reply = await exchange(encodeWire({ id, channel, argument }));
          expect(reply.id).toBe(id);
          expectRefused(reply.envelope, 'validation');
        }),
        { numRuns: WIRE_RUNS_PER_CHANNEL, seed: SEED },
      );
    }
  });

  it('frames that are not calls at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
          fc.constantFrom(
            '{"id":1}',
            '{"channel":7}',
            '[]',
            'null',
            '{"$bytes":"!!"}',
            '{"channel":"app.info"',
          ),
        ),
        async (frame) => {
          const reply = await exchange(frame);
          expect(reply.envelope.ok).toBe(false);
          if (!reply.envelope.ok) expect(['validation', 'forbidden']).toContain(reply.envelope.error.kind);
        },
      ),
      { numRuns: 200, seed: SEED },
    );
  });

  it('still answers a valid call on the same socket and on a new one, and still serves the page', async () => {
    const again = await exchange(encodeWire({ id: 'after', channel: 'app.info' }));
    expect(again.envelope).toMatchObject({ ok: true, value: { host: 'browser', demoMode: true } });
    const fresh = await connect();
    const answer = await new Promise<{ envelope: Envelope<unknown> }>((resolve) => {
      fresh.on('message', (data) => {
        const message = decodeWire(data.toString()) as { id?: unknown; envelope: Envelope<unknown> };
        if (message.id === 'fresh') resolve(message);
      });
      fresh.send(encodeWire({ id: 'fresh', channel: 'app.info' }));
    });
    fresh.close();
    expect(answer.envelope.ok).toBe(true);
    const page = await fetch(host.origin);
    expect(page.status).toBe(200);
    expect(replies.length).toBeGreaterThan(CHANNELS.length * WIRE_RUNS_PER_CHANNEL);
  });
});
