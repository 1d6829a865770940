// What the taskbar/dock progress bar, the tray and OS notifications should show, as pure functions
// of the settings and the work in flight. The Electron side only applies the result.
import type { GenerationRecord } from '../../shared/contract/contract';
import type { GenerationState } from '../../shared/domain/states';
import type { Activity, TrackedGeneration } from './activity';
import { PRODUCT_NAME } from './app-identity';

// ── taskbar / dock progress ───────────────────────────────────────────────────────────────────
export interface TaskbarProgress {
  /** For win.setProgressBar: -1 removes the bar, a value above 1 means indeterminate. */
  value: number;
  mode: 'none' | 'normal' | 'indeterminate';
}

// The remote render is most of the wait; the download is the last stretch.
const RENDER_SHARE = 0.9;
// Never show a full bar while something is still running.
const MAX_WHILE_RUNNING = 0.99;

/** One generation's progress in [0, 1), or null when we cannot tell (queued, no estimate yet). */
export function generationFraction(
  entry: TrackedGeneration,
  expectedMs: number | null,
  now: number,
): number | null {
  const { record, download } = entry;
  if (record.state === 'downloading') {
    const downloaded = download?.total ? Math.min(1, download.bytes / download.total) : 0;
    return Math.min(MAX_WHILE_RUNNING, RENDER_SHARE + (1 - RENDER_SHARE) * downloaded);
  }
  if ((record.state === 'pending' || record.state === 'processing') && expectedMs && record.submittedAt) {
    const elapsed = Math.max(0, now - record.submittedAt);
    return Math.min(RENDER_SHARE, (RENDER_SHARE * elapsed) / expectedMs);
  }
  return null;
}

export function taskbarProgress(enabled: boolean, activity: Activity, now: number): TaskbarProgress {
  const running = activity.running();
  if (!enabled || running.length === 0) return { value: -1, mode: 'none' };
  const fractions = running.map((entry) =>
    generationFraction(entry, activity.expectedFor(entry.record), now),
  );
  if (fractions.every((fraction) => fraction === null)) return { value: 2, mode: 'indeterminate' };
  const sum = fractions.reduce<number>((total, fraction) => total + (fraction ?? 0), 0);
  return { value: Math.min(MAX_WHILE_RUNNING, sum / running.length), mode: 'normal' };
}

// ── tray ──────────────────────────────────────────────────────────────────────────────────────
export interface TrayView {
  visible: boolean;
  tooltip: string;
  /** Disabled status lines at the top of the tray menu. */
  statusLines: string[];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function trayView(enabled: boolean, activity: Activity): TrayView {
  const running = activity.running().length;
  const attention = activity.needingAttention();
  const statusLines: string[] = [];
  if (running > 0) statusLines.push(`${plural(running, 'generation', 'generations')} running`);
  if (attention > 0) statusLines.push(`${plural(attention, 'generation needs', 'generations need')} you`);
  if (statusLines.length === 0) statusLines.push('Nothing running');
  return { visible: enabled, tooltip: `${PRODUCT_NAME} — ${statusLines.join(', ')}`, statusLines };
}

// ── notifications ─────────────────────────────────────────────────────────────────────────────
export interface NotificationView {
  title: string;
  body: string;
}

const PROMPT_PREVIEW_LENGTH = 120;

function promptPreview(record: GenerationRecord): string {
  const prompt = record.params.prompt.replace(/\s+/g, ' ').trim();
  return prompt.length > PROMPT_PREVIEW_LENGTH ? `${prompt.slice(0, PROMPT_PREVIEW_LENGTH - 1)}…` : prompt;
}

export interface NotificationInputs {
  enabled: boolean;
  /** The user is looking at the app already: the UI itself shows the change. */
  windowFocused: boolean;
  /** The state we knew before this update; null when we were not tracking the generation. */
  previous: GenerationState | null;
  record: GenerationRecord;
}

/** A notification for a generation that just finished, failed or needs a decision; else null. */
export function notificationFor({
  enabled,
  windowFocused,
  previous,
  record,
}: NotificationInputs): NotificationView | null {
  // Curation edits (favourite, tags) on old records also arrive as updates: only a state change
  // of a generation we saw in flight is news.
  if (!enabled || windowFocused || previous === null || previous === record.state) return null;
  switch (record.state) {
    case 'done':
      return { title: 'Video ready', body: promptPreview(record) };
    case 'failed':
      return {
        title: 'Generation failed',
        body: record.errorMessage ?? record.failMsg ?? promptPreview(record),
      };
    case 'expired':
      return {
        title: 'Result expired',
        body: record.errorMessage ?? 'The video link expired before it was saved.',
      };
    case 'uncertain':
      return {
        title: 'Check a generation',
        body: 'Wan Studio could not confirm whether APIXO accepted it. Open the app to decide.',
      };
    default:
      return null;
  }
}
