// `wan-studio budget` and `wan-studio spend`: the caps every host obeys (kept in the library), and
// the same spend figures as the app's spend view.
import type { StudioApi } from '../../../shared/contract/contract';
import { usd } from '../../../shared/domain/budget';
import { type CliValues, usageError } from '../args';
import { print } from '../output';
import type { Command } from './command';

const ACTIONS = ['show', 'set', 'clear'];

/** "12.50" → 12.5; "none" → null (remove the cap); absent → undefined (leave it). */
function amountOption(raw: string | undefined, flag: string): number | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'none') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(raw))
    throw usageError(`${flag} must be an amount in USD like 5 or 12.50, or "none"`);
  return Number(raw);
}

function setArguments(args: string[], values: CliValues) {
  const patch = {
    dailyUsd: amountOption(values.daily, '--daily'),
    monthlyUsd: amountOption(values.monthly, '--monthly'),
    confirmAboveUsd: amountOption(values['confirm-above'], '--confirm-above'),
    lowBalanceUsd: amountOption(values['low-balance'], '--low-balance'),
  };
  const projectCap = values.project === undefined ? undefined : amountOption(args[1], '--project NAME');
  if (values.project !== undefined && projectCap === undefined)
    throw usageError('--project takes a name and an amount');
  if (Object.values(patch).every((value) => value === undefined) && projectCap === undefined) {
    throw usageError(
      'budget set needs --daily, --monthly, --project NAME N, --confirm-above or --low-balance',
    );
  }
  return { patch, projectCap };
}

async function show(api: StudioApi, values: CliValues): Promise<number> {
  const status = await api.budget.get();
  const projects = await api.projects.list();
  const cap = (value: number | null) => (value === null ? 'no cap' : usd(value));
  const lines = [
    `daily:   ${usd(status.dailySpentUsd)} sent today, ${cap(status.settings.dailyUsd)}`,
    `monthly: ${usd(status.monthlySpentUsd)} sent this month, ${cap(status.settings.monthlyUsd)}`,
    ...Object.entries(status.settings.projectUsd).map(
      ([id, value]) =>
        `project ${projects.find((project) => project.id === id)?.name ?? id}: ${usd(status.projectSpentUsd[id] ?? 0)} sent, cap ${usd(value)}`,
    ),
    `confirm above: ${cap(status.settings.confirmAboveUsd)}   low-balance alert: ${cap(status.settings.lowBalanceUsd)}`,
    ...(status.heldOverBudget > 0 ? [`${status.heldOverBudget} generation(s) held over budget`] : []),
    ...(status.backend === 'demo' ? ['(demo mode: pretend money)'] : []),
  ];
  print(values, lines.join('\n'), status);
  return 0;
}

export const budgetCommand: Command = {
  engine: false,
  check([action, ...rest], values) {
    if (!action || !ACTIONS.includes(action)) throw usageError('budget takes show, set or clear');
    if (action === 'set') setArguments([action, ...rest], values);
  },
  async run(api, args, values) {
    const [action] = args;
    if (action === 'clear') {
      await api.budget.clear();
      print(values, 'All caps removed.', await api.budget.get());
      return 0;
    }
    if (action === 'set') {
      const { patch, projectCap } = setArguments(args, values);
      const projectUsd: Record<string, number | null> = {};
      if (values.project !== undefined && projectCap !== undefined) {
        const project = (await api.projects.list()).find((candidate) => candidate.name === values.project);
        if (!project) throw usageError(`no project named "${values.project}"`);
        projectUsd[project.id] = projectCap;
      }
      await api.budget.update({ ...patch, ...(values.project !== undefined ? { projectUsd } : {}) });
    }
    return show(api, values);
  },
};

function sinceOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  if (!date || Number.isNaN(date.getTime()) || date.getDate() !== Number(match?.[3])) {
    throw usageError(`--since must be a date like 2026-05-01, got "${raw}"`);
  }
  return date.getTime();
}

export const spendCommand: Command = {
  engine: false,
  check(_args, values) {
    sinceOption(values.since);
  },
  async run(api, _args, values) {
    const since = sinceOption(values.since);
    const report = await api.spend.report(since === undefined ? undefined : { since });
    const lines = [
      `${usd(report.totalUsd)} sent in ${report.count} generation(s)${report.backend === 'demo' ? ' (demo: pretend money)' : ''}`,
      ...report.days.map((day) => {
        const gap =
          day.gapUsd === null
            ? ''
            : `  balance fell ${usd(day.balanceDropUsd ?? 0)}, expected ${usd(day.expectedDropUsd ?? 0)}: gap ${usd(day.gapUsd)}`;
        return `  ${day.day}  ${usd(day.totalUsd)}${gap}`;
      }),
      'by project:',
      ...report.projects.map(
        (project) => `  ${project.name ?? '(no project)'}  ${usd(project.totalUsd)} (${project.count})`,
      ),
      `failed: ${usd(report.failedUsd)}   cancelled: ${usd(report.cancelledUsd)}`,
      `kept clips: ${report.keptCount}   cost per kept clip: ${report.costPerKeptUsd === null ? '—' : usd(report.costPerKeptUsd)}`,
    ];
    print(values, lines.join('\n'), report);
    return 0;
  },
};
