// The one line `generate --wait` keeps updating on a terminal: what state the generations are in,
// how long it has been, about how long is left (from the engine's expected duration per
// resolution and length), and how far the download is. Pure: the caller owns the terminal.
import { formatClock } from '../../shared/domain/clock-text';

export interface ProgressItem {
  state: string;
  /** When APIXO accepted the request; null until then. */
  submittedAt: number | null;
  /** The engine's usual time for this resolution and length, from submit to finished. */
  expectedMs: number | null;
  download: { bytes: number; total: number | null } | null;
}

const FINISHED = new Set(['done', 'failed', 'canceled', 'expired', 'uncertain', 'stalled', 'held']);

export function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.round(bytes / 1000)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function statesPart(items: ProgressItem[]): string {
  if (items.length === 1) return items[0]?.state ?? '';
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.state, (counts.get(item.state) ?? 0) + 1);
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}

/** The longest wait among the unfinished ones; null when nothing is left or nothing is known. */
function remainingPart(items: ProgressItem[], now: number): string | null {
  let longest: number | null = null;
  for (const item of items) {
    if (FINISHED.has(item.state) || item.expectedMs === null) continue;
    const left = item.submittedAt === null ? item.expectedMs : item.expectedMs - (now - item.submittedAt);
    longest = Math.max(longest ?? Number.NEGATIVE_INFINITY, left);
  }
  if (longest === null) return null;
  // Under a second left reads as a second, not as "0:00 left".
  return longest > 0 ? `about ${formatClock(Math.max(longest, 1000))} left` : 'taking longer than usual';
}

function downloadPart(items: ProgressItem[]): string | null {
  const downloads = items.flatMap((item) =>
    item.state === 'downloading' && item.download ? [item.download] : [],
  );
  if (downloads.length === 0) return null;
  const bytes = downloads.reduce((sum, download) => sum + download.bytes, 0);
  const totals = downloads.map((download) => download.total);
  if (totals.some((total) => total === null)) return `${megabytes(bytes)} downloaded`;
  const total = totals.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return `${megabytes(bytes)} of ${megabytes(total)}`;
}

/** One line, never wider than the terminal (the last column is left free so it never wraps). */
export function renderProgressLine(
  items: ProgressItem[],
  startedAt: number,
  now: number,
  columns: number,
): string {
  const parts = [
    statesPart(items),
    `${formatClock(now - startedAt)} elapsed`,
    remainingPart(items, now),
    downloadPart(items),
  ].filter((part): part is string => Boolean(part));
  const text = parts.join(' · ');
  const width = Math.max(10, columns - 1);
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
