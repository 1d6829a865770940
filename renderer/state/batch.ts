// The batch builder: a template plan (prompt template, variables, grid sweep) or rows from a
// CSV/JSONL file, previewed with the same shared expansion the core and CLI use, then sent with
// batch.create. The sent generations stay here (updated from events) for the result grid.
import { create } from 'zustand';
import { type BatchEstimate, type BatchItem, estimateBatch } from '../../shared/batch/items';
import { type BatchPlanInput, batchPlanSchema, expandPlan, type PlannedItem } from '../../shared/batch/plan';
import { type ParsedRows, parseRows } from '../../shared/batch/rows';
import { templateSlots } from '../../shared/batch/template';
import type { GenerationRecord } from '../../shared/contract/contract';
import { NO_BUDGET } from '../../shared/domain/budget';
import type { AspectRatio, Duration, Resolution } from '../../shared/domain/params';
import { studio } from '../studio';
import { useBudget } from './budget';

export type BatchSource = 'template' | 'file';

export interface BatchPlanForm {
  template: string;
  /** One value per line, per variable name. */
  values: Record<string, string>;
  variations: number;
  batchSeed: number;
  /** Video seeds to sweep, separated by commas or spaces (empty: one drawn per prompt). */
  seeds: string;
  resolutions: Resolution[];
  durations: Duration[];
  aspectRatios: AspectRatio[];
  negativePrompt: string;
  /** The project (by name) every video of the batch goes to; empty: none. */
  project: string;
}

export const DEFAULT_PLAN: BatchPlanForm = {
  template: 'A {subject} at {dawn|dusk|night}, cinematic, slow dolly in',
  values: { subject: 'red fox in fresh snow\nlighthouse on a cliff' },
  variations: 1,
  batchSeed: 1,
  seeds: '',
  resolutions: ['720p'],
  durations: [5],
  aspectRatios: ['16:9'],
  negativePrompt: '',
  project: '',
};

/** One column of a grid sweep: the settings every prompt is made with there. */
export interface GridColumn {
  seed: number | undefined;
  resolution: string;
  duration: number;
  aspectRatio: string | undefined;
}

export interface BatchPreview {
  items: (PlannedItem | BatchItem)[];
  /** Grid sweeps: the settings combinations (columns); rows are the prompts. */
  columns: GridColumn[];
  problems: { line: number | null; message: string }[];
  estimate: BatchEstimate;
}

export function planInput(form: BatchPlanForm): BatchPlanInput {
  const variables = Object.fromEntries(
    templateSlots(form.template).variables.map((name) => [name, (form.values[name] ?? '').split('\n')]),
  );
  const seeds = form.seeds
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return {
    template: form.template,
    variables,
    variations: form.variations,
    batchSeed: form.batchSeed,
    seeds,
    resolutions: form.resolutions,
    durations: form.durations,
    aspectRatios: form.aspectRatios,
    ...(form.negativePrompt.trim() ? { negativePrompt: form.negativePrompt } : {}),
    ...(form.project ? { project: form.project } : {}),
  };
}

const EMPTY_ESTIMATE = estimateBatch([]);

export function previewPlan(form: BatchPlanForm): BatchPreview {
  const parsed = batchPlanSchema.safeParse(planInput(form));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ line: null, message: issue.message }));
    return { items: [], columns: [], problems, estimate: EMPTY_ESTIMATE };
  }
  const expansion = expandPlan(parsed.data);
  if (!expansion.ok) {
    return {
      items: [],
      columns: [],
      problems: expansion.problems.map((message) => ({ line: null, message })),
      estimate: EMPTY_ESTIMATE,
    };
  }
  const columns = expansion.items
    .filter((item) => item.row === 0)
    .map(({ params }) => ({
      seed: params.seed,
      resolution: params.resolution,
      duration: params.duration,
      aspectRatio: params.aspectRatio,
    }));
  return {
    items: expansion.items,
    columns,
    problems: [],
    estimate: estimateWithThreshold(expansion.items),
  };
}

/** The preview asks for confirmation at the user's threshold (the core checks it again on send). */
function estimateWithThreshold(items: readonly BatchItem[]): BatchEstimate {
  const status = useBudget.getState().status;
  return estimateBatch(items, status ? status.settings.confirmAboveUsd : NO_BUDGET.confirmAboveUsd);
}

export function previewRows(rows: ParsedRows): BatchPreview {
  const items = rows.items.map((entry) => entry.item);
  return { items, columns: [], problems: rows.problems, estimate: estimateWithThreshold(items) };
}

interface BatchState {
  source: BatchSource;
  plan: BatchPlanForm;
  file: { name: string; rows: ParsedRows } | null;
  skipBad: boolean;
  sending: boolean;
  error: unknown;
  /** The last batch sent: its generations in item order and its grid's column labels. */
  results: GenerationRecord[];
  resultColumns: GridColumn[];
  setSource(source: BatchSource): void;
  editPlan(patch: Partial<BatchPlanForm>): void;
  loadFile(file: File): Promise<void>;
  setSkipBad(skipBad: boolean): void;
  send(preview: BatchPreview, confirmed: boolean): Promise<boolean>;
  applyUpdate(record: GenerationRecord): void;
}

function toItem(item: PlannedItem | BatchItem): BatchItem {
  if (!('row' in item)) return item;
  const { row: _row, column: _column, ...rest } = item;
  return rest;
}

export const useBatch = create<BatchState>()((set, get) => ({
  source: 'template',
  plan: DEFAULT_PLAN,
  file: null,
  skipBad: false,
  sending: false,
  error: null,
  results: [],
  resultColumns: [],
  setSource: (source) => set({ source, error: null }),
  editPlan: (patch) => set((state) => ({ plan: { ...state.plan, ...patch }, error: null })),
  async loadFile(file) {
    const format = /\.(jsonl|ndjson)$/i.test(file.name) ? 'jsonl' : 'csv';
    set({
      file: { name: file.name, rows: parseRows(await file.text(), format) },
      skipBad: false,
      error: null,
    });
  },
  setSkipBad: (skipBad) => set({ skipBad }),
  async send(preview, confirmed) {
    if (get().sending || preview.items.length === 0) return false;
    set({ sending: true, error: null });
    try {
      const { records } = await studio.batch.create({ items: preview.items.map(toItem), confirmed });
      set({ results: records, resultColumns: preview.columns, sending: false });
      return true;
    } catch (error) {
      set({ error, sending: false });
      return false;
    }
  },
  applyUpdate(record) {
    const { results } = get();
    const index = results.findIndex((entry) => entry.id === record.id);
    if (index < 0) return;
    const next = results.slice();
    next[index] = record;
    set({ results: next });
  },
}));
