// The browser client's `studio` is built by name, without the contract's method list (so the first
// chunk carries no zod): a method read becomes a call on 'group.method', refusals arrive as the
// contract's plain error objects, and names a caller probes without meaning a call (await's `then`,
// JSON's `toJSON`) read as absent. The wire's bytes still survive the fast path that skips the reviver.
import { describe, expect, it } from 'vitest';
import { buildStudioApiByName, type Invoke } from '../../shared/contract/call-api';
import type { Envelope } from '../../shared/contract/contract';
import { decodeWire, encodeWire } from '../../shared/contract/wire';

function recording(reply: (channel: string, argument: unknown) => Envelope<unknown>) {
  const calls: { channel: string; argument: unknown }[] = [];
  const invoke: Invoke = async (channel, argument) => {
    calls.push({ channel, argument });
    return reply(channel, argument);
  };
  return { calls, invoke };
}

describe('studio built by name', () => {
  it('calls group.method with the argument and resolves with the value', async () => {
    const { calls, invoke } = recording((channel) => ({ ok: true, value: `answer from ${channel}` }));
    const api = buildStudioApiByName(invoke, () => () => {});
    await expect(api.library.query({ limit: 5 })).resolves.toBe('answer from library.query');
    await expect(api.app.info()).resolves.toBe('answer from app.info');
    expect(calls).toEqual([
      { channel: 'library.query', argument: { limit: 5 } },
      { channel: 'app.info', argument: undefined },
    ]);
    // The same function each time: components may keep it in dependency lists.
    expect(api.library.query).toBe(api.library.query);
  });

  it('rejects with the refusal, and with a network error when the transport fails', async () => {
    const refusal = { kind: 'validation', message: 'limit: too big' } as const;
    const api = buildStudioApiByName(recording(() => ({ ok: false, error: refusal })).invoke, () => () => {});
    await expect(api.library.query({ limit: 5 })).rejects.toEqual(refusal);
    const down = buildStudioApiByName(
      async () => {
        throw new Error('socket closed');
      },
      () => () => {},
    );
    await expect(down.key.status()).rejects.toMatchObject({ kind: 'network', reason: 'engine_unreachable' });
  });

  it('reads then/toJSON as absent, so awaiting or logging the API calls nothing', async () => {
    const { calls, invoke } = recording(() => ({ ok: true, value: null }));
    const api = buildStudioApiByName(invoke, () => () => {});
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
    expect((api.library as unknown as { then?: unknown }).then).toBeUndefined();
    await Promise.resolve(api.library);
    JSON.stringify(api);
    expect(calls).toEqual([]);
  });

  it('passes subscriptions to the transport', () => {
    const seen: string[] = [];
    const api = buildStudioApiByName(recording(() => ({ ok: true, value: null })).invoke, (event) => {
      seen.push(event);
      return () => {};
    });
    api.on('network.status', () => {});
    expect(seen).toEqual(['network.status']);
  });
});

describe('wire', () => {
  it('decodes bytes, and text that only mentions "$bytes" stays text', () => {
    const message = {
      jpeg: new Uint8Array([1, 2, 255]),
      prompt: 'say "$bytes" twice',
      nested: [{ $bytes: 7 }],
    };
    expect(decodeWire(encodeWire(message))).toEqual(message);
    const plain = { items: [{ prompt: 'a fox', tags: ['x'] }], total: 1 };
    expect(decodeWire(encodeWire(plain))).toEqual(plain);
  });
});
