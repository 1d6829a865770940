// Locale-aware formatting for numbers, money, sizes and times. The language comes from i18next so
// "1 234,50 $" and "$1,234.50" follow the UI language, not the OS.
import i18n from '../i18n';

export function uiLocale(): string {
  return i18n.language === 'ru' ? 'ru-RU' : 'en-US';
}

// Building an Intl formatter costs 100–170× a format call, and a scrolling grid formats on every
// card: each (kind, locale, options) is built once and kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  options: object,
  make: (locale: string) => T,
): T {
  const language = uiLocale();
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(language);
    formatters.set(key, formatter);
  }
  return formatter;
}
/**
 * The first Intl formatter in a page costs 30–100 ms (ICU's data is set up once); made while the
 * start-up waits on the network (main.tsx), it is not paid inside the first render.
 */
export function warmIntl(locale: string): void {
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(0);
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
}

function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', options, (language) => new Intl.NumberFormat(language, options));
}

export function formatUsd(value: number, digits = 2): string {
  return numberFormat({
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export function formatBytes(bytes: number): string {
  const units = [i18n.t('units.b'), i18n.t('units.kb'), i18n.t('units.mb'), i18n.t('units.gb')];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${numberFormat({ maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** "1:05" for elapsed clocks (shared with the CLI's progress line). */
export { formatClock } from '../../shared/domain/clock-text';

/** A frame's place in a clip, to the millisecond: "0:04.960". */
export function formatFrameTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = String(Math.floor((total % 60_000) / 1000)).padStart(2, '0');
  return `${minutes}:${seconds}.${String(total % 1000).padStart(3, '0')}`;
}

export function formatSeconds(ms: number): string {
  return numberFormat({ style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(ms / 1000);
}

export function formatDateTime(ms: number): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return cached('date', options, (language) => new Intl.DateTimeFormat(language, options)).format(ms);
}

/**
 * A calendar day key ("2026-03-05", shared/domain/budget.ts dayKey) in the UI language: 'short'
 * for chart ticks ("5 Mar", "5 мар."), 'long' for sentences ("Mar 5, 2026", "5 мар. 2026 г.").
 */
export function formatDayKey(key: string, style: 'short' | 'long' = 'long'): string {
  const [year, month, day] = key.split('-').map(Number);
  if (!year || !month || !day) return key;
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' };
  return cached('day', options, (language) => new Intl.DateTimeFormat(language, options)).format(
    new Date(year, month - 1, day),
  );
}

export function formatRelative(ms: number, now = Date.now()): string {
  // A timestamp a little ahead of our clock (another machine's, or rounding) reads as "now".
  const diff = Math.min(0, ms - now);
  const abs = Math.abs(diff);
  const rtf = cached(
    'relative',
    {},
    (language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
  );
  if (abs < 60_000) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  if (abs < 30 * 86_400_000) return rtf.format(Math.round(diff / 86_400_000), 'day');
  return formatDateTime(ms);
}
