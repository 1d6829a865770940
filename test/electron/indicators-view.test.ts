import { describe, expect, it } from 'vitest';
import { Activity } from '../../main/electron/activity';
import {
  generationFraction,
  notificationFor,
  taskbarProgress,
  trayView,
} from '../../main/electron/indicators-view';
import { generationRecord } from '../helpers/generation-record';

const NOW = 100_000;

function activityWith(...records: ReturnType<typeof generationRecord>[]): Activity {
  const activity = new Activity({ '720p/5': 60_000 });
  for (const record of records) activity.apply(record);
  return activity;
}

describe('Activity', () => {
  it('tracks running and waiting generations and drops finished ones', () => {
    const activity = activityWith(
      generationRecord({ id: 'a', state: 'queued' }),
      generationRecord({ id: 'b', state: 'uncertain' }),
      generationRecord({ id: 'c', state: 'done' }),
    );
    expect(activity.running().map((entry) => entry.record.id)).toEqual(['a']);
    expect(activity.needingAttention()).toBe(1);
    expect(activity.apply(generationRecord({ id: 'a', state: 'done' }))).toBe('queued');
    expect(activity.running()).toHaveLength(0);
    expect(activity.apply(generationRecord({ id: 'zzz', state: 'done' }))).toBeNull();
  });

  it('keeps download figures only while downloading', () => {
    const activity = activityWith(generationRecord({ id: 'a', state: 'downloading' }));
    activity.progress({ id: 'a', bytes: 50, total: 100, bytesPerSecond: 1 });
    activity.progress({ id: 'unknown', bytes: 1, total: 1, bytesPerSecond: 1 });
    expect(activity.running()[0]?.download).toEqual({ bytes: 50, total: 100 });
    activity.apply(generationRecord({ id: 'a', state: 'downloading', updatedAt: 2 }));
    expect(activity.running()[0]?.download).toEqual({ bytes: 50, total: 100 });
    activity.apply(generationRecord({ id: 'a', state: 'stalled' }));
    activity.apply(generationRecord({ id: 'a', state: 'downloading' }));
    expect(activity.running()[0]?.download).toBeNull();
  });
});

describe('taskbarProgress', () => {
  it('shows nothing when disabled or idle', () => {
    const busy = activityWith(generationRecord({ state: 'processing', submittedAt: NOW - 30_000 }));
    expect(taskbarProgress(false, busy, NOW)).toEqual({ value: -1, mode: 'none' });
    expect(taskbarProgress(true, activityWith(), NOW)).toEqual({ value: -1, mode: 'none' });
    expect(taskbarProgress(true, activityWith(generationRecord({ state: 'uncertain' })), NOW)).toEqual({
      value: -1,
      mode: 'none',
    });
  });

  it('is indeterminate when no generation can tell how far it is', () => {
    const activity = activityWith(
      generationRecord({ id: 'a', state: 'queued' }),
      generationRecord({ id: 'b', state: 'submitting' }),
    );
    expect(taskbarProgress(true, activity, NOW)).toEqual({ value: 2, mode: 'indeterminate' });
  });

  it('averages elapsed-vs-expected and download fractions over running generations', () => {
    const activity = activityWith(
      // Half of the expected 60 s has passed: 0.45 of the whole job.
      generationRecord({ id: 'a', state: 'processing', submittedAt: NOW - 30_000 }),
      // Render done, download half way: 0.95.
      generationRecord({ id: 'b', state: 'downloading' }),
    );
    activity.progress({ id: 'b', bytes: 5, total: 10, bytesPerSecond: 1 });
    const progress = taskbarProgress(true, activity, NOW);
    expect(progress.mode).toBe('normal');
    expect(progress.value).toBeCloseTo((0.45 + 0.95) / 2, 5);
  });

  it('never shows a full bar while work is running', () => {
    const activity = activityWith(generationRecord({ id: 'a', state: 'downloading' }));
    activity.progress({ id: 'a', bytes: 10, total: 10, bytesPerSecond: 1 });
    expect(taskbarProgress(true, activity, NOW).value).toBeLessThan(1);
    const late = activityWith(generationRecord({ id: 'b', state: 'processing', submittedAt: NOW - 600_000 }));
    expect(taskbarProgress(true, late, NOW).value).toBeCloseTo(0.9, 5);
  });
});

describe('generationFraction', () => {
  it('is unknown without an expected duration or a submit time', () => {
    const entry = { record: generationRecord({ state: 'processing', submittedAt: NOW }), download: null };
    expect(generationFraction(entry, null, NOW)).toBeNull();
    expect(
      generationFraction({ ...entry, record: generationRecord({ state: 'pending' }) }, 60_000, NOW),
    ).toBeNull();
  });
});

describe('trayView', () => {
  it('follows the setting and counts running and waiting work', () => {
    const activity = activityWith(
      generationRecord({ id: 'a', state: 'processing' }),
      generationRecord({ id: 'b', state: 'queued' }),
      generationRecord({ id: 'c', state: 'stalled' }),
    );
    expect(trayView(true, activity)).toEqual({
      visible: true,
      tooltip: 'Wan Studio — 2 generations running, 1 generation needs you',
      statusLines: ['2 generations running', '1 generation needs you'],
    });
    expect(trayView(false, activity).visible).toBe(false);
  });

  it('says so when nothing is running', () => {
    expect(trayView(true, activityWith()).tooltip).toBe('Wan Studio — Nothing running');
    expect(trayView(true, activityWith(generationRecord({ state: 'pending' }))).statusLines).toEqual([
      '1 generation running',
    ]);
  });
});

describe('notificationFor', () => {
  const base = { enabled: true, windowFocused: false, previous: 'downloading' as const };

  it('announces a finished video with its prompt', () => {
    expect(notificationFor({ ...base, record: generationRecord({ state: 'done' }) })).toEqual({
      title: 'Video ready',
      body: 'A red fox runs through fresh snow at dawn',
    });
  });

  it('announces failures with the error the user can act on', () => {
    const failed = generationRecord({ state: 'failed', errorMessage: 'Not enough credits.' });
    expect(notificationFor({ ...base, previous: 'processing', record: failed })).toEqual({
      title: 'Generation failed',
      body: 'Not enough credits.',
    });
    expect(notificationFor({ ...base, record: generationRecord({ state: 'expired' }) })?.title).toBe(
      'Result expired',
    );
    expect(
      notificationFor({ ...base, previous: 'submitting', record: generationRecord({ state: 'uncertain' }) })
        ?.title,
    ).toBe('Check a generation');
  });

  it('stays quiet when disabled, when the window has focus, or for non-news', () => {
    const done = generationRecord({ state: 'done' });
    expect(notificationFor({ ...base, enabled: false, record: done })).toBeNull();
    expect(notificationFor({ ...base, windowFocused: true, record: done })).toBeNull();
    // A curation edit of an old video: we never saw it in flight.
    expect(notificationFor({ ...base, previous: null, record: done })).toBeNull();
    expect(notificationFor({ ...base, previous: 'done', record: done })).toBeNull();
    expect(notificationFor({ ...base, record: generationRecord({ state: 'cancelled' }) })).toBeNull();
    expect(
      notificationFor({ ...base, previous: 'queued', record: generationRecord({ state: 'processing' }) }),
    ).toBeNull();
  });

  it('shortens long prompts', () => {
    const prompt = `${'word '.repeat(100)}end`;
    const record = generationRecord({ state: 'done', params: { ...generationRecord().params, prompt } });
    const body = notificationFor({ ...base, record })?.body ?? '';
    expect(body.length).toBe(120);
    expect(body.endsWith('…')).toBe(true);
  });
});
