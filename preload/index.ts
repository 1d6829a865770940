// The sandboxed preload: exposes exactly one object, `window.studio`, built from the contract. No
// ipcRenderer, no generic send/on: the page can call contract methods and listen to contract events,
// and main checks the sender and the argument of every call anyway.
import { contextBridge, ipcRenderer } from 'electron';
import { buildStudioApi, type Invoke, type Subscribe } from '../shared/contract/build-api';
import { EVENT_NAMES, type EventName, type StudioEvents } from '../shared/contract/contract';
import { EventHub } from '../shared/contract/event-hub';
import { EVENT_CHANNEL, invokeChannel } from '../shared/contract/ipc-names';

const invoke: Invoke = (channel, argument) => ipcRenderer.invoke(invokeChannel(channel), argument);

// One IPC listener for all events, fanned out locally: a listener per subscription would pile up
// on the same channel and trip Node's max-listeners warning.
const hub = new EventHub();
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if ((EVENT_NAMES as readonly unknown[]).includes(name)) {
    hub.emit(name as EventName, payload as StudioEvents[EventName]);
  }
});
const subscribe: Subscribe = (event, listener) => hub.on(event, listener);

contextBridge.exposeInMainWorld('studio', buildStudioApi(invoke, subscribe));
