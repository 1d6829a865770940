// How a benchmark reports: a table on stdout and bench/results/<name>.json, which bench/run.mjs
// gathers into bench/results/latest.md. Every headline is a ratio or a figure measured in the same
// run, next to the target it is held against.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(import.meta.dirname, '..', 'results');

export interface Headline {
  metric: string;
  value: number | string;
  /** e.g. "≤ 0.6"; empty when the figure is informative only. */
  target: string;
  /** null when there is no target. */
  met: boolean | null;
}

export interface BenchResult {
  name: string;
  title: string;
  headlines: Headline[];
  /** Everything else the bench measured, for the JSON file. */
  details: Record<string, unknown>;
  /** The settings the run used (speedups, sizes), so a reader can reproduce it. */
  setup: Record<string, unknown>;
}

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export function headlineTable(headlines: Headline[]): string {
  return table(
    ['metric', 'value', 'target', 'met'],
    headlines.map((h) => [h.metric, h.value, h.target || '—', h.met === null ? '—' : h.met ? 'yes' : 'NO']),
  );
}

export function writeResult(result: BenchResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  const file = join(RESULTS_DIR, `${result.name}.json`);
  writeFileSync(file, `${JSON.stringify({ ...result, machine, at: new Date().toISOString() }, null, 2)}\n`);
  console.log(`\n${result.title}\n${headlineTable(result.headlines)}\n→ ${file}`);
}

export function check(metric: string, value: number | string, target: string, met: boolean | null): Headline {
  return { metric, value, target, met };
}
