// `wan-studio generate --from FILE [--dry-run] [--skip-bad] [--yes]`: many generations from a file.
// Nothing is sent while a row is bad (unless --skip-bad), and a total above the confirmation
// threshold needs --yes; --dry-run shows what would be sent, with the count and the total.
import type { StudioApi } from '../../../shared/contract/contract';
import { StudioError } from '../../core/errors';
import type { CliValues } from '../args';
import { readBatchFile } from '../batch-file';
import { line, summarize } from '../format';
import { print, reportFailure, stateLines } from '../output';
import { sent, settled, waitUntil, wentWrong } from '../waiter';
import { libraryRoot } from './command';

const usd = (value: number) => `$${value.toFixed(2)}`;

function itemLine(entry: { line: number | null; item: { params: Record<string, unknown> } }): string {
  const { params } = entry.item;
  const where = entry.line === null ? '' : `line ${entry.line}: `;
  const settings = [
    params.mode,
    params.resolution,
    `${params.duration}s`,
    params.aspectRatio,
    params.seed === undefined ? 'random seed' : `seed ${params.seed}`,
  ];
  return `${where}${String(params.prompt)}  (${settings.filter(Boolean).join(', ')})`;
}

export async function generateFrom(api: StudioApi, values: CliValues): Promise<number> {
  const file = await readBatchFile(values.from ?? '');
  const problems = file.problems.map((problem) => `line ${problem.line}: ${problem.message}`);
  for (const problem of problems) process.stderr.write(`wan-studio: ${problem}\n`);
  if (file.items.length === 0) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${values.from} has no usable rows; nothing was sent.`,
    });
  }
  const estimate = await api.batch.estimate({ items: file.items.map((entry) => entry.item) });
  const held = problems.length > 0 && !values['skip-bad'];
  if (values['dry-run']) {
    const summary = `${estimate.count} videos, about ${usd(estimate.totalUsd)}${estimate.needsConfirmation ? ` (above ${usd(estimate.confirmAboveUsd ?? 0)}: needs --yes)` : ''}${problems.length ? `; ${problems.length} bad rows` : ''}`;
    print(values, [...file.items.map(itemLine), summary].join('\n'), {
      ...estimate,
      items: file.items,
      problems: file.problems,
    });
    return problems.length > 0 ? 1 : 0;
  }
  if (held) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${problems.length} bad rows in ${values.from}; nothing was sent. Fix them, or add --skip-bad to send the ${file.items.length} good ones.`,
    });
  }
  if (estimate.needsConfirmation && !values.yes) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${estimate.count} videos cost about ${usd(estimate.totalUsd)}, above ${usd(estimate.confirmAboveUsd ?? 0)}; nothing was sent. Add --yes to send them (or --dry-run to look first).`,
    });
  }
  const { records } = await api.batch.create({
    items: file.items.map((entry) => entry.item),
    confirmed: values.yes ?? false,
  });
  const ids = records.map((record) => record.id);
  const root = await libraryRoot(api);
  const finished = await waitUntil(
    api,
    ids,
    values.wait ? settled : sent,
    values.wait ? stateLines(values) : undefined,
  );
  const summaries = finished.map((record) => summarize(record, root));
  print(values, summaries.map(line).join('\n'), summaries);
  const failed = values.wait
    ? summaries.filter((summary) => summary.state !== 'done')
    : summaries.filter(wentWrong);
  reportFailure(values, failed);
  return failed.length === 0 ? 0 : 1;
}
