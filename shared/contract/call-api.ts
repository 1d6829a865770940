// The zod-free half of building `window.studio`: turning an envelope into a value or a refusal, and
// an API object that knows no method list. The renderer's first chunk must not load zod (the
// contract's schemas are ~90 KB), so the browser host's client builds its API here: any
// `studio.group.method(…)` becomes a call on channel 'group.method', and the host (which validates
// every channel and argument against the contract) refuses what the contract lacks. TypeScript
// keeps the renderer to the contract's methods; build-api.ts builds the enumerable, frozen object
// the preload and the in-process API need from the contract itself.
import type { ContractError, Envelope, EventName, StudioApi, StudioEvents } from './contract';

export type Invoke = (channel: string, argument: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: StudioEvents[E]) => void,
) => () => void;
export type RejectWith = (error: ContractError) => unknown;

export function isContractError(value: unknown): value is ContractError {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

/** Plain ContractError objects by default: they survive Electron's contextBridge, Error subclasses do not. */
const asPlainObject: RejectWith = (error) => error;

/** One call: resolves with the value, or rejects with the refusal (or a lost-contact network error). */
export async function callChannel(
  invoke: Invoke,
  channel: string,
  argument: unknown,
  rejectWith: RejectWith = asPlainObject,
): Promise<unknown> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await invoke(channel, argument);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw rejectWith({
      kind: 'network',
      message: `Lost contact with Wan Studio's engine: ${message}`,
      reason: 'engine_unreachable',
    });
  }
  if (envelope.ok) return envelope.value;
  throw rejectWith(envelope.error);
}

// Names a caller may probe without meaning a method: `await`/Promise.resolve look for `then`,
// JSON.stringify for `toJSON`. They must read as absent, not as a remote call.
const NOT_METHODS = new Set(['then', 'toJSON', 'constructor', 'prototype']);

/** `studio` without the contract's method list: each `group.method` is made when first read, then kept. */
export function buildStudioApiByName(invoke: Invoke, subscribe: Subscribe): StudioApi {
  const groups = new Map<string, Record<string, unknown>>();
  const groupFor = (group: string) => {
    const methods = new Map<string, (argument?: unknown) => Promise<unknown>>();
    return new Proxy(Object.create(null) as Record<string, unknown>, {
      get(_target, name) {
        if (typeof name !== 'string' || NOT_METHODS.has(name)) return undefined;
        let method = methods.get(name);
        if (!method) {
          const channel = `${group}.${name}`;
          method = (argument?: unknown) => callChannel(invoke, channel, argument);
          methods.set(name, method);
        }
        return method;
      },
      set: () => false,
    });
  };
  return new Proxy(Object.create(null) as StudioApi, {
    get(_target, group) {
      if (group === 'on') return subscribe;
      if (typeof group !== 'string' || NOT_METHODS.has(group)) return undefined;
      let methods = groups.get(group);
      if (!methods) {
        methods = groupFor(group);
        groups.set(group, methods);
      }
      return methods;
    },
    set: () => false,
  });
}
