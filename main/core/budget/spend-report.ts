// The spend view and `wan-studio spend`: what was sent since a day, per day (by project and by
// resolution), per project, failed and cancelled spend, cost per kept clip, and the balance
// reconciliation per day.
import { cents, dayKey, dayStart } from '../../../shared/domain/budget';
import type { SpendDay, SpendProject, SpendReport } from '../../../shared/domain/spend';
import type { Backend, LibraryStore } from '../library/types';
import { reconcile } from './reconcile';

const add = (record: Record<string, number>, key: string, amount: number) => {
  record[key] = cents((record[key] ?? 0) + amount);
};

function emptyDay(day: string): SpendDay {
  return {
    day,
    totalUsd: 0,
    byProject: {},
    byResolution: {},
    balanceDropUsd: null,
    expectedDropUsd: null,
    gapUsd: null,
  };
}

export function spendReport(library: LibraryStore, backend: Backend, since: number): SpendReport {
  const from = dayStart(since);
  const items = library.spendItems({ backend, from });
  const reconciled = reconcile(library.balanceSnapshots(backend, from), items);
  const names = new Map(library.listProjects().map((project) => [project.id, project.name]));

  const days = new Map<string, SpendDay>();
  const projects = new Map<string, SpendProject>();
  let failedUsd = 0;
  let cancelledUsd = 0;
  let keptCount = 0;
  let totalUsd = 0;
  for (const item of items) {
    const key = dayKey(item.sentAt);
    const day = days.get(key) ?? emptyDay(key);
    day.totalUsd = cents(day.totalUsd + item.costUsd);
    add(day.byProject, item.projectId ?? '', item.costUsd);
    add(day.byResolution, item.resolution, item.costUsd);
    days.set(key, day);

    const projectKey = item.projectId ?? '';
    const project = projects.get(projectKey) ?? {
      projectId: item.projectId,
      name: item.projectId ? (names.get(item.projectId) ?? null) : null,
      totalUsd: 0,
      count: 0,
    };
    project.totalUsd = cents(project.totalUsd + item.costUsd);
    project.count += 1;
    projects.set(projectKey, project);

    if (item.state === 'failed') failedUsd += item.costUsd;
    if (item.state === 'cancelled') cancelledUsd += item.costUsd;
    if (item.kept) keptCount += 1;
    totalUsd += item.costUsd;
  }
  for (const [key, reconciliation] of reconciled) {
    const day = days.get(key) ?? emptyDay(key);
    Object.assign(day, reconciliation);
    days.set(key, day);
  }
  return {
    backend,
    since: from,
    totalUsd: cents(totalUsd),
    count: items.length,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    projects: [...projects.values()].sort((a, b) => b.totalUsd - a.totalUsd),
    failedUsd: cents(failedUsd),
    cancelledUsd: cents(cancelledUsd),
    keptCount,
    costPerKeptUsd: keptCount > 0 ? cents(totalUsd / keptCount) : null,
  };
}
