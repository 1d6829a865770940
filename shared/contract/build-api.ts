// Builds the `window.studio` object from the contract for any transport (Electron IPC in the
// preload, a WebSocket in the browser host). Methods resolve with the value or reject with a plain
// ContractError object: plain objects survive Electron's contextBridge, Error subclasses do not.
import { callChannel, type Invoke, isContractError, type RejectWith, type Subscribe } from './call-api';
import { contract, EVENT_NAMES, type EventName, type StudioApi, type StudioEvents } from './contract';

export { type Invoke, isContractError, type Subscribe };

/**
 * `rejectWith` turns a refusal into what the caller catches: the plain object by default (what
 * crosses contextBridge); in-process callers get a real Error (main/service/in-process-api.ts).
 */
export function buildStudioApi(invoke: Invoke, subscribe: Subscribe, rejectWith?: RejectWith): StudioApi {
  const api: Record<string, unknown> = {};
  for (const [group, methods] of Object.entries(contract)) {
    const groupApi: Record<string, (argument?: unknown) => Promise<unknown>> = {};
    for (const name of Object.keys(methods)) {
      const channel = `${group}.${name}`;
      groupApi[name] = (argument?: unknown) => callChannel(invoke, channel, argument, rejectWith);
    }
    api[group] = Object.freeze(groupApi);
  }
  api.on = <E extends EventName>(event: E, listener: (payload: StudioEvents[E]) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event))
      throw new Error(`Unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return subscribe(event, listener);
  };
  return Object.freeze(api) as StudioApi;
}
