// A CSV or JSONL file of shots → batch items. Every row is checked with the contract's own schema;
// a bad row is reported with its line number and the reason, and the good rows are kept so the user
// can fix the file or choose to send only them. Process-agnostic (the caller resolves file paths).
import type { z } from 'zod';
import { isAbsolutePath } from '../contract/file-refs';
import { readCsv } from './csv';
import { type BatchItem, batchItemSchema, MAX_BATCH_ITEMS } from './items';

export interface RowProblem {
  line: number;
  message: string;
}
export interface ParsedRows {
  items: { line: number; item: BatchItem }[];
  problems: RowProblem[];
}

/** Column names as written in a file (snake_case, camelCase or with spaces) → the item's field. */
const COLUMNS: Record<string, string> = {
  prompt: 'prompt',
  negativeprompt: 'negativePrompt',
  mode: 'mode',
  resolution: 'resolution',
  duration: 'duration',
  aspectratio: 'aspectRatio',
  seed: 'seed',
  promptexpansion: 'promptExpansion',
  provider: 'provider',
  image: 'image',
  imageurl: 'image',
  imagepath: 'image',
  project: 'project',
  tags: 'tags',
};
const canonical = (name: string) => COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')];

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.filter((part) => part !== 'params').join('.');
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function asNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}
function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  return ['true', 'yes', '1', 'on'].includes(lower)
    ? true
    : ['false', 'no', '0', 'off'].includes(lower)
      ? false
      : value;
}

/** One row's fields (strings from CSV, anything from JSON) → a checked item, or why not. */
function toItem(
  row: Record<string, unknown>,
  resolvePath: (path: string) => string | null,
): BatchItem | string {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const key = canonical(name);
    if (!key) return `unknown column "${name}"`;
    if (value === '' || value === null || value === undefined) continue;
    fields[key] = value;
  }
  const image = typeof fields.image === 'string' ? fields.image.trim() : undefined;
  const isLink = image !== undefined && /^(https?):\/\//i.test(image);
  let imagePath: string | undefined;
  if (image !== undefined && !isLink) {
    const resolved = resolvePath(image);
    if (resolved === null) return `image: "${image}" must be a link (https://…) or an absolute file path`;
    imagePath = resolved;
  }
  const tags =
    typeof fields.tags === 'string'
      ? fields.tags
          .split(/[;|]/)
          .map((tag) => tag.trim())
          .filter(Boolean)
      : fields.tags;
  const params = Object.fromEntries(
    Object.entries({
      mode: fields.mode ?? (image !== undefined ? 'image-to-video' : 'text-to-video'),
      prompt: fields.prompt ?? '',
      negativePrompt: fields.negativePrompt,
      resolution: fields.resolution,
      duration: asNumber(fields.duration),
      aspectRatio: fields.aspectRatio,
      seed: asNumber(fields.seed),
      promptExpansion: asBoolean(fields.promptExpansion),
      provider: fields.provider,
      imageUrl: isLink ? image : undefined,
    }).filter(([, value]) => value !== undefined),
  );
  const parsed = batchItemSchema.safeParse({
    params,
    ...(imagePath ? { imagePath } : {}),
    ...(fields.project !== undefined ? { project: fields.project } : {}),
    ...(tags !== undefined ? { tags } : {}),
  });
  return parsed.success ? parsed.data : describe(parsed.error);
}

/** Relative paths are refused unless the caller can resolve them (the CLI: against the file's folder). */
const absoluteOnly = (path: string) => (isAbsolutePath(path) ? path : null);

export function parseRows(
  text: string,
  format: 'csv' | 'jsonl',
  resolvePath: (path: string) => string | null = absoluteOnly,
): ParsedRows {
  const result: ParsedRows = { items: [], problems: [] };
  const rows: { line: number; row: Record<string, unknown> | string }[] = [];
  if (format === 'jsonl') {
    text.split(/\r?\n/).forEach((source, index) => {
      if (source.trim() === '') return;
      try {
        const value: unknown = JSON.parse(source);
        rows.push({
          line: index + 1,
          row:
            value && typeof value === 'object' && !Array.isArray(value)
              ? (value as Record<string, unknown>)
              : 'each line must be a JSON object',
        });
      } catch (error) {
        rows.push({
          line: index + 1,
          row: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        });
      }
    });
  } else {
    const csv = readCsv(text);
    if (!csv.ok) return { items: [], problems: [{ line: csv.line, message: csv.message }] };
    const [header, ...records] = csv.records;
    if (!header) return { items: [], problems: [{ line: 1, message: 'the file is empty' }] };
    const names = header.fields.map((name) => name.trim());
    const unknown = names.filter((name) => !canonical(name));
    if (unknown.length > 0 || !names.some((name) => canonical(name) === 'prompt')) {
      const why =
        unknown.length > 0
          ? `unknown column ${unknown.map((name) => `"${name}"`).join(', ')}`
          : 'no "prompt" column';
      return {
        items: [],
        problems: [{ line: header.line, message: `${why}; columns: ${Object.keys(COLUMNS).join(', ')}` }],
      };
    }
    for (const record of records) {
      if (record.fields.length !== names.length) {
        rows.push({
          line: record.line,
          row: `has ${record.fields.length} fields; the header has ${names.length}`,
        });
        continue;
      }
      rows.push({
        line: record.line,
        row: Object.fromEntries(names.map((name, index) => [name, record.fields[index]])),
      });
    }
  }
  for (const { line, row } of rows) {
    const item = typeof row === 'string' ? row : toItem(row, resolvePath);
    if (typeof item === 'string') result.problems.push({ line, message: item });
    else result.items.push({ line, item });
  }
  if (result.items.length === 0 && result.problems.length === 0) {
    result.problems.push({ line: 1, message: 'the file has no rows' });
  }
  if (result.items.length > MAX_BATCH_ITEMS) {
    result.problems.push({
      line: 1,
      message: `${result.items.length} rows; a batch is at most ${MAX_BATCH_ITEMS}`,
    });
  }
  return result;
}
