// Commands for a library folder that describes itself: export copies that carry their recipe, and
// rebuild the database from the folder's videos and sidecars. (`import` reads recipes too: library.ts.)
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import {
  CARRY_OVER_PART_NAMES,
  type CarriedOver,
  type CarryOverPart,
} from '../../../shared/contract/results';
import { usageError } from '../args';
import { print } from '../output';
import type { Command } from './command';

export const exportCommand: Command = {
  engine: false,
  check(args, values) {
    if (args.length === 0) throw usageError('export needs generation ids');
    if (!values.to) throw usageError('export needs --to DIR');
  },
  async run(api, ids, values) {
    const folder = resolve(values.to ?? '.');
    const exportId = randomBytes(8).toString('hex');
    // Ctrl-C cancels the copy being written (its temp file is removed); finished copies stay.
    const cancel = () => void api.library.cancelExport({ exportId });
    process.once('SIGINT', cancel);
    try {
      const result = await api.library.exportTo({
        ids,
        folder,
        sidecars: values.sidecars ?? false,
        exportId,
      });
      const lines = [
        ...(result.files ?? []).map((file) => resolve(folder, file)),
        ...(result.skipped ?? []).map((skip) => `skipped ${skip.id}: ${skip.reason}`),
      ];
      print(values, lines.join('\n') || 'Nothing exported.', result);
      return result.copied === ids.length ? 0 : 1;
    } finally {
      process.off('SIGINT', cancel);
    }
  },
};

export const rebuildCommand: Command = {
  engine: false,
  check(_args, values) {
    if (!values.library) throw usageError('rebuild needs --library DIR (the library folder to rebuild)');
  },
  async run(api, _args, values) {
    const off = api.on('library.rebuildProgress', ({ done, total }) => {
      if (!values.json) process.stderr.write(`\rrebuilding: ${done}/${total}`);
    });
    try {
      const summary = await api.library.rebuild();
      if (!values.json) process.stderr.write('\n');
      const lines = [
        `restored ${summary.restored} with their recipe, ${summary.plain} as plain imports`,
        ...summary.skipped.map((skip) => `skipped ${skip.relPath}: ${skip.reason}`),
        ...summary.recipesKeptAside.map(
          (kept) => `unreadable recipe of ${kept.relPath} (${kept.reason}) renamed to ${kept.keptAs}`,
        ),
        ...(summary.carriedOver ? [carriedOverLine(summary.carriedOver, summary.carryOverFailed)] : []),
        ...(summary.carryOverProblem ? [summary.carryOverProblem] : []),
        summary.keptAs
          ? `the previous database was kept as ${summary.keptAs}`
          : 'there was no previous database',
      ];
      print(values, lines.join('\n'), summary);
      return summary.skipped.length === 0 ? 0 : 1;
    } finally {
      off();
    }
  },
};

/**
 * What came over from the previous database, naming only the parts that had something; a part that
 * could not be read is left to the problem line (carryOverProblem) rather than counted as none.
 */
export function carriedOverLine(carried: CarriedOver, failed: readonly CarryOverPart[] = []): string {
  const parts = (Object.keys(CARRY_OVER_PART_NAMES) as CarryOverPart[]).flatMap((part) => {
    const value = carried[part];
    if (!value) return [];
    const name = CARRY_OVER_PART_NAMES[part];
    return [typeof value === 'number' ? `${value} ${name}` : `the ${name}`];
  });
  if (parts.length > 0) return `brought over from the previous database: ${parts.join(', ')}`;
  return failed.length > 0
    ? 'nothing brought over from the previous database'
    : 'the previous database had nothing else to bring over';
}
