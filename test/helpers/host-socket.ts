// A WebSocket client like the renderer's, for tests that drive a browser host (in this process or
// a child) the way the UI does.
import WebSocket from 'ws';
import type { BrowserHost } from '../../main/host/browser-host';
import type { Envelope, GenerationRecord } from '../../preload/contract';
import { decodeWire, encodeWire } from '../../preload/wire';

/** A WebSocket client like the renderer's, keeping every frame the host sent. */
export async function connect(target: Pick<BrowserHost, 'origin' | 'token'>) {
  const frames: string[] = [];
  const records = new Map<string, GenerationRecord>();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const socket = new WebSocket(`${target.origin.replace('http', 'ws')}/ws?token=${target.token}`, {
    origin: target.origin,
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.on('message', (data) => {
    const text = data.toString();
    frames.push(text);
    const message = decodeWire(text) as {
      id?: number;
      envelope?: Envelope<unknown>;
      event?: string;
      payload?: unknown;
    };
    if (message.event === 'generation.updated') {
      const record = message.payload as GenerationRecord;
      records.set(record.id, record);
    }
    if (typeof message.id === 'number' && message.envelope) pending.get(message.id)?.(message.envelope);
  });
  let next = 0;
  const call = async <T>(channel: string, argument?: unknown): Promise<T> => {
    const id = ++next;
    const envelope = await new Promise<Envelope<unknown>>((resolve) => {
      pending.set(id, resolve);
      socket.send(encodeWire({ id, channel, argument }));
    });
    pending.delete(id);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.kind} ${envelope.error.message}`);
    return envelope.value as T;
  };
  /** Waits for the generation events to say every id reached one of `states`. */
  const settle = async (ids: string[], states: string[], timeoutMs = 20_000) => {
    const started = Date.now();
    while (!ids.every((id) => states.includes(records.get(id)?.state ?? ''))) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`stuck: ${ids.map((id) => records.get(id)?.state).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { frames, call, settle, close: () => socket.close() };
}
