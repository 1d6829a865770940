// The spend autopilot's contract methods over the core: caps (budget.*), held jobs and staging
// (generations.release/sendHeld/editHeld/duplicates) and the spend report. The rules themselves
// live in main/core/budget; this only finds the library, the engine and the backend in use.

import type { BudgetStatus } from '../../shared/contract/budget-schemas';
import type { StudioHandlers } from '../../shared/contract/contract';
import { type GenerationParams, LIMITS, modelOf } from '../../shared/domain/params';
import { estimateCostUsd } from '../../shared/domain/pricing';
import { clearBudget, readBudget, writeBudget } from '../core/budget/budget-settings';
import { spentInPeriods } from '../core/budget/caps';
import { guardSpend } from '../core/budget/spend-guard';
import { spendReport } from '../core/budget/spend-report';
import type { Clock } from '../core/clock';
import { StudioError } from '../core/errors';
import type { JobEngine } from '../core/jobs/engine';
import type { Backend, LibraryStore } from '../core/library/types';

export interface BudgetServiceDeps {
  library(): LibraryStore;
  engine(purpose?: 'generate' | 'read'): JobEngine;
  currentBackend(): Promise<Backend>;
  clock: Clock;
}

const REPORT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

type Handlers = Pick<StudioHandlers, 'budget' | 'spend'> & {
  generations: Pick<StudioHandlers['generations'], 'release' | 'sendHeld' | 'editHeld' | 'duplicates'>;
};

export async function budgetStatus(deps: BudgetServiceDeps): Promise<BudgetStatus> {
  const library = deps.library();
  const backend = await deps.currentBackend();
  const settings = readBudget(library);
  const active = library.listActive();
  return {
    settings,
    backend,
    ...spentInPeriods(library, backend, deps.clock.now(), settings),
    heldOverBudget: active.filter((record) => record.hold?.kind === 'over_budget').length,
  };
}

function drivingEngine(deps: BudgetServiceDeps): JobEngine | null {
  try {
    return deps.engine('generate');
  } catch {
    return null; // read-only use, or another process holds the library
  }
}

export function budgetHandlers(deps: BudgetServiceDeps): Handlers {
  const afterChange = () => {
    // New caps apply to the jobs a cap held at once (they are checked again before their submit).
    // Only where this process drives the jobs: a CLI `budget set` beside a running app must not
    // queue jobs that no runner of that app would notice.
    drivingEngine(deps)?.recheckHeld();
    return budgetStatus(deps);
  };
  return {
    budget: {
      get: () => budgetStatus(deps),
      update: (patch) => {
        writeBudget(deps.library(), patch);
        return afterChange();
      },
      clear: () => {
        clearBudget(deps.library());
        return afterChange();
      },
    },
    spend: {
      report: async (input) => {
        const since = input?.since ?? deps.clock.now() - REPORT_DAYS * DAY_MS;
        return spendReport(deps.library(), await deps.currentBackend(), since);
      },
    },
    generations: {
      release: ({ id }) => deps.engine('generate').release(id),
      sendHeld: ({ ids, confirmed }) => {
        const library = deps.library();
        const records = ids.map((id) => library.getGeneration(id));
        const missing = ids.filter((_, index) => records[index]?.state !== 'held');
        if (missing.length > 0) {
          throw new StudioError({
            kind: 'invalid_request',
            userMessage: `${missing.length} of these generations are no longer held (sent, removed or gone); nothing was sent.`,
          });
        }
        const held = records.filter((record) => record !== null);
        const totalUsd = held.reduce((sum, record) => sum + record.estimatedCostUsd, 0);
        const first = held[0];
        if (first) {
          guardSpend(
            library,
            { backend: first.backend, projectId: null, totalUsd, confirmed, refuseOverBudget: false },
            deps.clock.now(),
          );
        }
        const engine = deps.engine('generate');
        return held.map((record) => engine.release(record.id));
      },
      editHeld: ({ id, params }) => deps.engine('generate').editHeld(id, params),
      duplicates: (input) => {
        // Only a fixed seed repeats a video; random seeds never match.
        const seed = input.params.seed;
        if (input.seedMode !== 'fixed' || seed === undefined || input.references) return [];
        const seeds = Array.from(
          { length: input.count },
          (_, index) => (seed + index) % (LIMITS.seedMax + 1),
        );
        return deps.library().findFinishedDuplicates(input.params, seeds);
      },
    },
  };
}

/** generations.create's checks before anything is queued (threshold, and caps for `refuse`). */
export function guardCreate(
  deps: BudgetServiceDeps,
  input: {
    params: Pick<GenerationParams, 'resolution' | 'duration' | 'model'>;
    count: number;
    references?: string[];
    projectId: string | null;
    hold: boolean;
    confirmed: boolean;
    ifOverBudget: 'hold' | 'refuse';
  },
  backend: Backend,
): void {
  if (input.hold) return; // staged: nothing is sent now; sendHeld asks
  const videos = input.count * (input.references?.length ?? 1);
  guardSpend(
    deps.library(),
    {
      backend,
      projectId: input.projectId,
      totalUsd: estimateCostUsd(
        input.params.resolution,
        input.params.duration,
        videos,
        modelOf(input.params),
      ),
      confirmed: input.confirmed,
      refuseOverBudget: input.ifOverBudget === 'refuse',
    },
    deps.clock.now(),
  );
}
