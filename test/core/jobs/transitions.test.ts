// The rules of each user action on a generation, state by state.
import { describe, expect, it } from 'vitest';
import {
  assertCancellable,
  cancelledPatch,
  checkAgainPatch,
  dismissPatch,
  resubmitPatch,
  retryPatch,
} from '../../../main/core/jobs/transitions';
import { GENERATION_STATES, isTerminal } from '../../../shared/domain/states';
import { generationRecord } from '../../helpers/generation-record';

const NOW = 1_750_000_000_000;

describe('retry', () => {
  it('resumes the download when the video exists remotely', () => {
    const record = generationRecord({ state: 'failed', taskId: 't1', resultUrl: 'https://cdn/x.mp4' });
    expect(retryPatch(record, NOW)).toMatchObject({
      state: 'downloading',
      nextCheckAt: NOW,
      errorKind: null,
    });
  });

  it('asks again for an expired link or a task cancelled after it was sent', () => {
    for (const record of [
      generationRecord({ state: 'expired', taskId: 't1' }),
      generationRecord({ state: 'cancelled', taskId: 't1' }),
      // APIXO said it did not know the task for half a minute: ask again rather than pay again.
      generationRecord({ state: 'failed', taskId: 't1', errorKind: 'not_found', resultUrl: null }),
    ]) {
      expect(retryPatch(record, NOW)).toMatchObject({ state: 'pending', nextCheckAt: NOW });
    }
  });

  it('starts over only what was never sent or failed without a result', () => {
    const patch = retryPatch(generationRecord({ state: 'failed', taskId: 't1', resultUrl: null }), NOW);
    expect(patch).toMatchObject({ state: 'queued', taskId: null, pollCount: 0, submittedAt: null });
  });

  it.each(['queued', 'submitting', 'pending', 'processing', 'downloading', 'done', 'uncertain'] as const)(
    'refuses a %s generation',
    (state) => {
      expect(() => retryPatch(generationRecord({ state }), NOW)).toThrow(/cannot be retried/);
    },
  );
});

describe('uncertain: resubmit or dismiss', () => {
  it('resubmit queues it again without the old task', () => {
    const patch = resubmitPatch(generationRecord({ state: 'uncertain', taskId: 't1' }));
    expect(patch).toMatchObject({ state: 'queued', taskId: null });
  });

  it('dismiss cancels it', () => {
    expect(dismissPatch(generationRecord({ state: 'uncertain' }), NOW)).toMatchObject({
      state: 'cancelled',
      completedAt: NOW,
    });
  });

  it('both refuse any other state', () => {
    const done = generationRecord({ state: 'done' });
    expect(() => resubmitPatch(done)).toThrow(/while the generation is done/);
    expect(() => dismissPatch(done, NOW)).toThrow(/while the generation is done/);
  });
});

describe('check again', () => {
  it('turns a stalled job back to processing and queries now', () => {
    const patch = checkAgainPatch(generationRecord({ state: 'stalled', taskId: 't1' }), NOW);
    expect(patch).toEqual({ state: 'processing', nextCheckAt: NOW, errorMessage: null });
  });

  it('needs a task to check', () => {
    expect(() => checkAgainPatch(generationRecord({ state: 'pending', taskId: null }), NOW)).toThrow(
      /no task to check/,
    );
  });
});

describe('cancel', () => {
  it('is refused exactly for the terminal states', () => {
    for (const state of GENERATION_STATES) {
      const attempt = () => assertCancellable(generationRecord({ state }));
      if (isTerminal(state)) expect(attempt, state).toThrow(/already finished/);
      else expect(attempt, state).not.toThrow();
    }
  });

  it('says the task may still be charged when it was sent', () => {
    expect(cancelledPatch(generationRecord({ taskId: 't1' }), NOW).errorMessage).toMatch(
      /no cancel endpoint/,
    );
    expect(cancelledPatch(generationRecord({ taskId: null }), NOW).errorMessage).toBeNull();
  });
});
