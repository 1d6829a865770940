// Poll plans are learned once a minute per kind of job, and a finished job makes its kind plan afresh.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../main/core/clock';
import { PlanCache } from '../../../main/core/jobs/plan-cache';
import { planPolling } from '../../../main/core/jobs/poll-planner';
import { generationRecord } from '../../helpers/generation-record';

function setup() {
  let now = 0;
  const reads: string[] = [];
  const clock = { now: () => now } as Clock;
  const cache = new PlanCache({
    clock,
    library: {
      costTimeHistory: (resolution, duration, options) => {
        reads.push(`${options?.backend}/${resolution}/${duration}`);
        return [];
      },
    },
    planner: planPolling,
  });
  return { cache, reads, advance: (ms: number) => (now += ms) };
}

describe('PlanCache', () => {
  it('reads the history once a minute per backend, resolution and duration', () => {
    const { cache, reads, advance } = setup();
    cache.get('720p', 5, 'apixo');
    cache.get('720p', 5, 'apixo');
    cache.get('720p', 5, 'demo');
    cache.get('1080p', 5, 'apixo');
    expect(reads).toEqual(['apixo/720p/5', 'demo/720p/5', 'apixo/1080p/5']);
    advance(59_999);
    cache.get('720p', 5, 'apixo');
    expect(reads).toHaveLength(3);
    advance(1);
    cache.get('720p', 5, 'apixo');
    expect(reads).toHaveLength(4);
  });

  it('forgets the plan of a finished job’s kind only', () => {
    const { cache, reads } = setup();
    cache.get('720p', 5, 'apixo');
    cache.get('1080p', 10, 'apixo');
    cache.forget(generationRecord({ backend: 'apixo' }));
    cache.get('720p', 5, 'apixo');
    cache.get('1080p', 10, 'apixo');
    expect(reads).toEqual(['apixo/720p/5', 'apixo/1080p/10', 'apixo/720p/5']);
  });
});
