// The CLI's one way of waiting: until every named generation satisfies a condition, as told by the
// core's events (listening before the first look, so an update in between is not missed).
import type { StudioApi } from '../../shared/contract/contract';
import { isTerminal } from '../../shared/domain/states';
import { StudioError } from '../core/errors';
import type { GenerationRecord } from '../core/library/types';

/** Nothing more happens without the user: finished, or waiting for a decision (uncertain, stalled, held). */
export function settled(record: Pick<GenerationRecord, 'state'>): boolean {
  return (
    isTerminal(record.state) ||
    record.state === 'uncertain' ||
    record.state === 'stalled' ||
    record.state === 'held'
  );
}

/** Every request has been sent (or refused): nothing is left half-submitted. */
export function sent(record: Pick<GenerationRecord, 'state'>): boolean {
  return record.state !== 'queued' && record.state !== 'submitting';
}

/** Ended without a video: the command must not report success. */
export function wentWrong(record: Pick<GenerationRecord, 'state'>): boolean {
  return (
    record.state === 'uncertain' ||
    record.state === 'held' ||
    (isTerminal(record.state) && record.state !== 'done')
  );
}

export async function getGeneration(api: StudioApi, id: string): Promise<GenerationRecord> {
  const record = await api.generations.get({ id });
  if (!record)
    throw new StudioError({ kind: 'not_found', userMessage: `No generation ${id} in this library.` });
  return record;
}

/**
 * Resolves with the generations as they are once every one is `ready`, or once `timeoutMs` has
 * passed (a bounded wait, for the MCP tool: the caller looks at the states it gets).
 */
export async function waitUntil(
  api: StudioApi,
  ids: string[],
  ready: (record: GenerationRecord) => boolean,
  onUpdate: (record: GenerationRecord) => void = () => {},
  timeoutMs?: number,
): Promise<GenerationRecord[]> {
  const pending = new Set(ids);
  let allReady: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allReady = resolve;
  });
  const see = (record: GenerationRecord) => {
    if (ready(record)) pending.delete(record.id);
    if (pending.size === 0) allReady();
  };
  const unsubscribe = api.on('generation.updated', (record) => {
    if (!pending.has(record.id)) return;
    onUpdate(record);
    see(record);
  });
  try {
    for (const id of ids) see(await getGeneration(api, id));
    if (pending.size === 0) allReady();
    let timer: NodeJS.Timeout | undefined;
    if (timeoutMs !== undefined) timer = setTimeout(allReady, timeoutMs);
    await done;
    clearTimeout(timer);
  } finally {
    unsubscribe();
  }
  return Promise.all(ids.map((id) => getGeneration(api, id)));
}
