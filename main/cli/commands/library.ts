// Commands that read or add to the library: wait, status, list, search, import.
import { resolve } from 'node:path';
import type { GenerationState } from '../../../shared/domain/states';
import { integerOption, usageError } from '../args';
import { line, summarize } from '../format';
import { print, stateLines } from '../output';
import { getGeneration, settled, waitUntil } from '../waiter';
import { type Command, libraryRoot } from './command';

export const waitCommand: Command = {
  engine: true,
  // Drive whatever is unfinished in this library (after a crash, or jobs sent without --wait).
  async run(api, args, values) {
    const ids = args.length ? args : (await api.queue.snapshot()).active.map((record) => record.id);
    const root = await libraryRoot(api);
    const finished = (await waitUntil(api, ids, settled, stateLines(values))).map((record) =>
      summarize(record, root),
    );
    print(values, finished.length ? finished.map(line).join('\n') : 'Nothing is waiting.', finished);
    return finished.every((summary) => summary.state === 'done') ? 0 : 1;
  },
};

export const statusCommand: Command = {
  engine: false,
  check(args) {
    if (!args[0]) throw usageError('status needs a generation id');
  },
  async run(api, [id = ''], values) {
    const summary = summarize(await getGeneration(api, id), await libraryRoot(api));
    print(values, line(summary), summary);
    return 0;
  },
};

function listing(search: boolean): Command {
  return {
    engine: false,
    check(args) {
      if (search && args.length === 0) throw usageError('search needs some words');
    },
    async run(api, args, values) {
      const page = await api.library.query({
        text: search ? args.join(' ') : undefined,
        states: values.state ? [values.state as GenerationState] : undefined,
        limit: integerOption(values, 'limit') ?? 20,
      });
      const root = await libraryRoot(api);
      const items = page.items.map((record) => summarize(record, root));
      print(values, items.length ? items.map(line).join('\n') : 'Nothing found.', {
        total: page.total,
        items,
      });
      return 0;
    },
  };
}

export const listCommand = listing(false);
export const searchCommand = listing(true);

export const importCommand: Command = {
  engine: false,
  check(args) {
    if (args.length === 0) throw usageError('import needs MP4 files or folders');
  },
  async run(api, args, values) {
    const result = await api.library.importPaths({ paths: args.map((arg) => resolve(arg)) });
    const skipped = result.skipped.map((skip) => `skipped ${skip.name}: ${skip.reason}`);
    const ignored = (result.recipesIgnored ?? []).map(
      (item) => `recipe ignored for ${item.name}: ${item.reason}`,
    );
    const withRecipe = result.withRecipe ? ` (${result.withRecipe} with their recipe)` : '';
    print(values, [`imported ${result.imported}${withRecipe}`, ...ignored, ...skipped].join('\n'), result);
    return result.imported > 0 ? 0 : 1;
  },
};
