// What a CLI command prints: a human line or JSON on stdout, and one line about a failure on stderr.
import type { CliValues } from './args';
import type { GenerationSummary } from './format';

export function print(values: CliValues, human: string, data: unknown): void {
  process.stdout.write(values.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

/** One line on stderr naming the first generation that went wrong (JSON output already carries it). */
export function reportFailure(values: CliValues, summaries: GenerationSummary[]): void {
  const failed = summaries.find((summary) => summary.state !== 'done');
  if (failed && !values.json) {
    process.stderr.write(`wan-studio: ${failed.state}: ${failed.error ?? 'generation did not finish'}\n`);
  }
}

/** Each generation's state as it changes, on stderr (quiet with --json). */
export function stateLines(values: CliValues) {
  return (record: { id: string; state: string }): void => {
    if (!values.json) process.stderr.write(`${record.id}  ${record.state}\n`);
  };
}
