// "12 seconds ago" that keeps moving: a leaf that re-renders on the shared one-second clock, so
// the row around it does not.
import { useTranslation } from '../i18n/use-translation';
import { formatDateTime, formatRelative } from '../lib/format';
import { useNow } from '../lib/use-now';

export function RelativeTime({ at, className }: { at: number; className?: string }) {
  // Re-rendered when the language changes, so the words follow it.
  useTranslation();
  const now = useNow();
  return (
    <time className={className} dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}

/** For a sentence around the time ("Updated {{when}}"). */
export function useRelativeTime(at: number | null): string | null {
  const now = useNow();
  return at === null ? null : formatRelative(at, now);
}
