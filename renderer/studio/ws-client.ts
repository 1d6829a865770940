// The browser host's transport: the contract over one loopback WebSocket. Requests are
// `{ id, channel, argument }`, replies `{ id, envelope }`, pushes `{ event, payload }` — all
// encoded with encodeWire so Uint8Array arguments (posters, dropped files) survive JSON.
// The socket reconnects with capped backoff; calls made while it is down wait for it briefly
// instead of failing at once, because a reconnect usually takes under a second.
import { buildStudioApiByName, type Invoke, type Subscribe } from '../../shared/contract/call-api';
import type { Envelope, EventName, StudioApi, StudioEvents } from '../../shared/contract/contract';
import { decodeWire, encodeWire } from '../../shared/contract/wire';

/**
 * 'reconnecting': the socket dropped and we are finding out why; 'host-gone': the host does not
 * answer at all (stopped or crashed: nothing is being generated); 'signed-out': the host answers
 * but no longer takes this tab's token (restarted long ago, or with another data folder).
 */
export type ConnectionState =
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'host-gone'
  | 'signed-out'
  | 'no-token';

export interface WsStudio {
  api: StudioApi;
  state(): ConnectionState;
  /** Called on every state change; `reconnected` is true when a reconnect follows a drop (events may be missed). */
  onState(listener: (state: ConnectionState, reconnected: boolean) => void): () => void;
}

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void;
  reject: (error: Error) => void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];
const WAIT_FOR_SOCKET_MS = 15_000;

/**
 * `socketUrl` may still be on its way (the page first trades a sign-in code for the token); until it
 * settles the state is 'connecting' and calls wait. null means there is no token to connect with.
 */
export function connectWsStudio(
  socketUrl: string | null | Promise<string | null>,
  /** Whether the host answers plain HTTP: tells "host gone" from "host up, token refused". */
  hostAnswers: () => Promise<boolean> = probeHost,
): WsStudio {
  let url: string | null = null;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState, reconnected: boolean) => void>();
  const waitingForOpen = new Set<() => void>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = socketUrl ? 'connecting' : 'no-token';
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;

  function setState(next: ConnectionState, reconnected = false): void {
    state = next;
    for (const listener of stateListeners) listener(next, reconnected);
  }

  function failPending(reason: string): void {
    for (const entry of pending.values()) entry.reject(new Error(reason));
    pending.clear();
  }

  function handleMessage(text: string): void {
    const message = decodeWire(text) as
      | { id: number; envelope: Envelope<unknown> }
      | { event: EventName; payload: unknown };
    if ('event' in message) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    entry.resolve(message.envelope);
  }

  function open(): void {
    if (!url) return;
    const ws = new WebSocket(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      const reconnected = everOpened;
      everOpened = true;
      setState('open', reconnected);
      for (const wake of waitingForOpen) wake();
      waitingForOpen.clear();
    };
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') handleMessage(event.data);
    };
    // A refused handshake may end in 'error' alone (Node's WebSocket): either event ends the socket.
    ws.onerror = ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending('the connection closed');
      // Before the first open this is also a retry: say so, rather than "connecting" forever.
      if (state === 'open' || state === 'connecting') setState('reconnecting');
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 8000;
      attempt += 1;
      void hostAnswers().then((answers) => {
        if (socket !== null) return; // already back
        // A host that answers yet closed a socket that never opened refused the token.
        if (!answers) setState('host-gone');
        else if (!opened && attempt > 1) setState('signed-out');
      });
      setTimeout(open, delay);
    };
  }

  function whenOpen(): Promise<void> {
    if (socket?.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waitingForOpen.delete(wake);
        reject(new Error('not connected'));
      }, WAIT_FOR_SOCKET_MS);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      waitingForOpen.add(wake);
    });
  }

  const settled = Promise.resolve(socketUrl).then(
    (resolved) => resolved,
    () => null,
  );
  const invoke: Invoke = async (channel, argument) => {
    await settled;
    if (!url) throw new Error('no access token');
    await whenOpen();
    const id = nextId++;
    return new Promise<Envelope<unknown>>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket?.send(encodeWire({ id, channel, argument }));
    });
  };

  const subscribe: Subscribe = <E extends EventName>(
    event: E,
    listener: (payload: StudioEvents[E]) => void,
  ) => {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  };

  void settled.then((resolved) => {
    url = resolved;
    if (url) open();
    else if (state !== 'no-token') setState('no-token');
  });
  return {
    api: buildStudioApiByName(invoke, subscribe),
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
  };
}

async function probeHost(): Promise<boolean> {
  try {
    const response = await fetch('/', { method: 'HEAD', cache: 'no-store' });
    return response.status < 500;
  } catch {
    return false;
  }
}
