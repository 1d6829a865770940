// The caps rule over a real SQLite library, with a manual clock walked across local midnight and
// a month end: what was sent yesterday or last month stops counting; a project cap counts for ever;
// a request whose outcome is unknown counts as sent; demo (pretend) money never meets real caps.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearBudget, readBudget, writeBudget } from '../../../main/core/budget/budget-settings';
import { findBreach, spentInPeriods } from '../../../main/core/budget/caps';
import { openLibrary } from '../../../main/core/library/library';
import type { Backend, LibraryStore } from '../../../main/core/library/types';
import { breachSentence } from '../../../shared/domain/budget';
import { FakeClock } from '../../helpers/fake-clock';

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

let dir: string;
let clock: FakeClock;
let library: LibraryStore;

/** Local times, so the test means the same in every time zone. */
const at = (year: number, month: number, day: number, hour = 12, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();

function created(costUsd: number, options: { projectId?: string; backend?: Backend } = {}) {
  return library.createGeneration({
    params: {
      mode: 'text-to-video',
      prompt: 'a lighthouse at dusk',
      resolution: '720p',
      duration: 5,
      promptExpansion: false,
      provider: 'auto',
    },
    requestType: 'async',
    estimatedCostUsd: costUsd,
    projectId: options.projectId ?? null,
    backend: options.backend ?? 'apixo',
  });
}

function sent(costUsd: number, when: number, options: { projectId?: string; backend?: Backend } = {}) {
  const record = created(costUsd, options);
  return library.updateGeneration(record.id, {
    state: 'pending',
    taskId: `t-${record.id}`,
    submittedAt: when,
  });
}

const intent = (costUsd: number, projectId: string | null = null) => ({
  backend: 'apixo' as const,
  projectId,
  costUsd,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-caps-'));
  clock = new FakeClock(at(2026, 3, 31, 9));
  library = openLibrary({ root: join(dir, 'library'), clock });
});
afterEach(async () => {
  library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('daily and monthly caps', () => {
  it('counts only what was sent today, and forgets it after local midnight', () => {
    writeBudget(library, { dailyUsd: 1 });
    sent(0.4, at(2026, 3, 30, 23, 59)); // yesterday
    sent(0.4, at(2026, 3, 31, 0, 0)); // the first minute of today
    sent(0.4, at(2026, 3, 31, 8));
    expect(findBreach(library, intent(0.2), at(2026, 3, 31, 23, 59))).toBeNull();
    const breach = findBreach(library, intent(0.4), at(2026, 3, 31, 23, 59));
    expect(breach).toMatchObject({ cap: 'daily', capUsd: 1, spentUsd: 0.8, costUsd: 0.4, overByUsd: 0.2 });
    expect(breachSentence(must(breach))).toBe(
      'Over budget: $0.40 more would bring $0.80 already sent to $1.20, $0.20 over the daily cap of $1.00.',
    );
    // One minute later it is another day: nothing sent yet.
    expect(findBreach(library, intent(1), at(2026, 4, 1, 0, 0))).toBeNull();
  });

  it('counts the whole month, and starts again on the first', () => {
    writeBudget(library, { monthlyUsd: 2 });
    sent(1.3, at(2026, 3, 1, 0, 0));
    sent(0.5, at(2026, 3, 31, 23, 30));
    sent(5, at(2026, 2, 28, 23, 59)); // February: not this month
    expect(findBreach(library, intent(0.4), at(2026, 3, 31, 23, 59))).toMatchObject({
      cap: 'monthly',
      spentUsd: 1.8,
      overByUsd: 0.2,
    });
    expect(findBreach(library, intent(2), at(2026, 4, 1, 0, 0))).toBeNull();
    expect(findBreach(library, intent(2.01), at(2026, 4, 1, 0, 0))).toMatchObject({
      cap: 'monthly',
      spentUsd: 0,
    });
  });

  it('lets an action land exactly on the cap', () => {
    writeBudget(library, { dailyUsd: 1.2 });
    sent(0.4, at(2026, 3, 31, 8));
    sent(0.4, at(2026, 3, 31, 8));
    expect(findBreach(library, intent(0.4), clock.now())).toBeNull();
  });

  it('counts a request whose outcome is unknown, and not one that provably created nothing', () => {
    writeBudget(library, { dailyUsd: 1 });
    // The submit step's own transitions: `submitting` before the request leaves, then what it learnt.
    const uncertain = created(0.65);
    library.updateGeneration(uncertain.id, { state: 'submitting' });
    library.updateGeneration(uncertain.id, { state: 'uncertain' });
    const refused = created(0.65);
    library.updateGeneration(refused.id, { state: 'submitting' });
    library.updateGeneration(refused.id, { state: 'failed', errorKind: 'invalid_request' });
    const offline = created(0.65);
    library.updateGeneration(offline.id, { state: 'submitting' });
    library.updateGeneration(offline.id, { state: 'queued', errorKind: 'network' });
    expect(findBreach(library, intent(0.4), clock.now())).toMatchObject({ spentUsd: 0.65 });
  });

  it('counts both requests of a resubmitted uncertain job, and keeps counting after the trash is emptied', () => {
    writeBudget(library, { dailyUsd: 2 });
    const job = created(0.65);
    library.updateGeneration(job.id, { state: 'submitting' });
    library.updateGeneration(job.id, { state: 'uncertain' });
    library.updateGeneration(job.id, { state: 'queued', taskId: null, submittedAt: null }); // Resubmit
    library.updateGeneration(job.id, { state: 'submitting' });
    library.updateGeneration(job.id, { state: 'pending', taskId: 't-2', submittedAt: clock.now() });
    expect(library.spentUsd({ backend: 'apixo' })).toBe(1.3);

    const gone = sent(0.4, at(2026, 3, 31, 8));
    library.updateGeneration(gone.id, { state: 'failed' });
    library.trash(gone.id);
    library.purgeTrashed();
    expect(library.getGeneration(gone.id)).toBeNull();
    expect(findBreach(library, intent(0.4), clock.now())).toMatchObject({ spentUsd: 1.7, overByUsd: 0.1 });
  });

  it('keeps demo money and real money apart', () => {
    writeBudget(library, { dailyUsd: 1 });
    sent(5, at(2026, 3, 31, 8), { backend: 'demo' });
    expect(findBreach(library, intent(0.4), clock.now())).toBeNull();
    expect(findBreach(library, { ...intent(0.4), backend: 'demo' }, clock.now())).toMatchObject({
      spentUsd: 5,
    });
  });
});

describe('project caps', () => {
  it('counts everything the project ever sent, trash included, and nothing of other projects', () => {
    const film = library.createProject('Film');
    const other = library.createProject('Other');
    writeBudget(library, { projectUsd: { [film.id]: 1 } });
    const old = sent(0.65, at(2025, 11, 2), { projectId: film.id });
    library.updateGeneration(old.id, { state: 'failed' });
    library.trash(old.id);
    sent(3, clock.now(), { projectId: other.id });
    expect(findBreach(library, intent(0.3, film.id), clock.now())).toBeNull();
    expect(findBreach(library, intent(0.4, film.id), clock.now())).toMatchObject({
      cap: 'project',
      projectId: film.id,
      spentUsd: 0.65,
      overByUsd: 0.05,
    });
    expect(findBreach(library, intent(5, other.id), clock.now())).toBeNull();
    expect(spentInPeriods(library, 'apixo', clock.now()).projectSpentUsd).toEqual({ [film.id]: 0.65 });
  });

  it('counts a send for the project it was sent from, wherever the video is moved later', () => {
    const film = library.createProject('Film');
    const other = library.createProject('Other');
    writeBudget(library, { projectUsd: { [film.id]: 1 } });
    const clip = sent(0.65, clock.now(), { projectId: film.id });
    library.assignProject([clip.id], other.id);
    expect(findBreach(library, intent(0.4, film.id), clock.now())).toMatchObject({ spentUsd: 0.65 });
  });
});

describe('budget settings', () => {
  it('stores caps in the library, refuses nonsense with a reason and keeps the old values', () => {
    writeBudget(library, { dailyUsd: 5, confirmAboveUsd: 2 });
    expect(() => writeBudget(library, { dailyUsd: -1 })).toThrow(/dailyUsd must be an amount in USD from 0/);
    expect(() => writeBudget(library, { projectUsd: { nope: 3 } })).toThrow(/No project with id nope/);
    expect(readBudget(library)).toMatchObject({ dailyUsd: 5, monthlyUsd: null, confirmAboveUsd: 2 });
    writeBudget(library, { dailyUsd: null });
    expect(readBudget(library).dailyUsd).toBeNull();
    clearBudget(library);
    expect(readBudget(library)).toMatchObject({ confirmAboveUsd: null, projectUsd: {} });
  });
});
