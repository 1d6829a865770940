import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forwardStudioEvents } from '../../main/service/forward-events';
import { EVENT_NAMES, type EventName, type StudioEvents } from '../../shared/contract/contract';
import { EventHub } from '../../shared/contract/event-hub';
import { DEFAULT_HOSTING_SETTINGS } from '../../shared/domain/hosting-settings';
import { generationRecord } from '../helpers/generation-record';

type Sent = { name: EventName; payload: unknown };

const samplePayloads: { [E in EventName]: StudioEvents[E] } = {
  'generation.updated': generationRecord({ state: 'processing' }),
  'download.progress': { id: 'gen-1', bytes: 10, total: 100, bytesPerSecond: 5 },
  'network.status': { online: false, waiting: 2, nextRetryAt: 5_000 },
  'balance.updated': { usd: 12.5, fetchedAt: 1, demo: false, error: null },
  'settings.updated': {
    language: 'en',
    theme: 'dark',
    downloadConcurrency: 2,
    delivery: 'polling',
    callbackPublicUrl: '',
    callbackPort: 0,
    notifications: true,
    tray: true,
    taskbarProgress: true,
    imageHosting: DEFAULT_HOSTING_SETTINGS,
    watchFolders: [],
    recentClearedAt: 0,
  },
  'key.updated': {
    set: true,
    last4: 'abcd',
    location: 'keychain',
    keychainAvailable: true,
    keychainBackend: 'secret-service',
    keychainError: null,
    keychainErrorReason: null,
  },
  'library.changed': { reason: 'import' },
  'library.rebuildProgress': { done: 3, total: 10 },
};

describe('forwardStudioEvents', () => {
  let hub: EventHub;
  let sent: Sent[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    hub = new EventHub();
    sent = [];
    stop = forwardStudioEvents(hub, (name, payload) => sent.push({ name, payload }));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const progress = (bytes: number, id = 'gen-1') =>
    hub.emit('download.progress', { id, bytes, total: 100, bytesPerSecond: 1 });

  it('forwards every contract event, unchanged', () => {
    for (const name of EVENT_NAMES) hub.emit(name, samplePayloads[name]);
    expect(sent.map((item) => item.name)).toEqual([...EVENT_NAMES]);
    for (const item of sent) expect(item.payload).toBe(samplePayloads[item.name]);
  });

  it('coalesces download progress per generation', () => {
    for (let bytes = 1; bytes <= 50; bytes++) progress(bytes);
    progress(7, 'gen-2');
    expect(sent.map((item) => item.payload)).toMatchObject([
      { id: 'gen-1', bytes: 1 },
      { id: 'gen-2', bytes: 7 },
    ]);
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)?.payload).toMatchObject({ id: 'gen-1', bytes: 50 });
    expect(sent).toHaveLength(3);
  });

  it('flushes the last progress before a generation leaves downloading', () => {
    progress(1);
    progress(99);
    hub.emit('generation.updated', generationRecord({ id: 'gen-1', state: 'done' }));
    expect(sent.map((item) => item.name)).toEqual([
      'download.progress',
      'download.progress',
      'generation.updated',
    ]);
    expect(sent[1]?.payload).toMatchObject({ bytes: 99 });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });

  it('does not flush when the update keeps the generation downloading', () => {
    progress(1);
    progress(2);
    hub.emit('generation.updated', generationRecord({ id: 'gen-1', state: 'downloading' }));
    expect(sent.map((item) => item.name)).toEqual(['download.progress', 'generation.updated']);
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)?.payload).toMatchObject({ bytes: 2 });
  });

  it('stops forwarding, and drops pending progress, once stopped', () => {
    progress(1);
    progress(2);
    stop();
    vi.advanceTimersByTime(1000);
    hub.emit('library.changed', { reason: 'trash' });
    expect(sent).toHaveLength(1);
  });
});
