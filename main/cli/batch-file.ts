// `generate --from FILE`: a CSV or JSONL file of shots, or a JSON batch plan (template and grid
// sweep), read into batch items. Relative image paths in a row are taken from the file's folder.
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import type { BatchItem } from '../../shared/batch/items';
import { batchPlanSchema, expandPlan } from '../../shared/batch/plan';
import { parseRows, type RowProblem } from '../../shared/batch/rows';
import { usageError } from './args';

export interface BatchFile {
  items: { line: number | null; item: BatchItem }[];
  problems: RowProblem[];
}

const FORMATS: Record<string, 'csv' | 'jsonl' | 'plan'> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'plan',
};

export function batchFormat(file: string): 'csv' | 'jsonl' | 'plan' {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw usageError(`--from takes a .csv, .jsonl or .json (batch plan) file, not "${file}"`);
  return format;
}

function fromPlan(text: string): BatchFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { items: [], problems: [{ line: 1, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const plan = batchPlanSchema.safeParse(raw);
  if (!plan.success) {
    const problems = plan.error.issues.map((issue) => ({
      line: 1,
      message: `${issue.path.join('.') || 'plan'}: ${issue.message}`,
    }));
    return { items: [], problems };
  }
  const expansion = expandPlan(plan.data);
  if (!expansion.ok)
    return { items: [], problems: expansion.problems.map((message) => ({ line: 1, message })) };
  return {
    items: expansion.items.map(({ row: _row, column: _column, ...item }) => ({ line: null, item })),
    problems: [],
  };
}

export async function readBatchFile(file: string): Promise<BatchFile> {
  const path = resolve(file);
  const text = await readFile(path, 'utf8').catch(() => {
    throw usageError(`cannot read ${file}`);
  });
  const format = batchFormat(file);
  if (format === 'plan') return fromPlan(text);
  const folder = dirname(path);
  return parseRows(text, format, (image) => (isAbsolute(image) ? image : resolve(folder, image)));
}
