// Calendar days typed and shown in the UI language ("31.12.2026" in Russian, "12/31/2026" in
// English), not the browser's: <input type="date"> follows the browser's locale whatever the app
// speaks. The order of day, month and year and the separator come from Intl for the UI locale.

export type DayPart = 'day' | 'month' | 'year';

export interface DayFormat {
  order: DayPart[];
  separator: string;
}

const formats = new Map<string, DayFormat>();

export function dayFormat(locale: string): DayFormat {
  let format = formats.get(locale);
  if (!format) {
    const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
      // A day and month that cannot be confused: the order read back is the locale's.
      .formatToParts(new Date(2026, 11, 31));
    const order = parts
      .map((part) => part.type)
      .filter((type): type is DayPart => type === 'day' || type === 'month' || type === 'year');
    const separator = parts.find((part) => part.type === 'literal')?.value.trim() || '/';
    format = { order: order.length === 3 ? order : ['month', 'day', 'year'], separator };
    formats.set(locale, format);
  }
  return format;
}

/** A local day (any time in it) as the locale writes it, with two-digit day and month. */
export function formatDay(ms: number, locale: string): string {
  const date = new Date(ms);
  const values: Record<DayPart, string> = {
    day: String(date.getDate()).padStart(2, '0'),
    month: String(date.getMonth() + 1).padStart(2, '0'),
    year: String(date.getFullYear()),
  };
  const { order, separator } = dayFormat(locale);
  return order.map((part) => values[part]).join(separator);
}

/**
 * The start (local midnight) of the day typed in the locale's order; any of . / - or spaces
 * separates. Null when it is not a real date ("31.02.2026", "12/2026", letters).
 */
export function parseDay(text: string, locale: string): number | null {
  const pieces = text.trim().split(/[./\-\s]+/);
  if (pieces.length !== 3 || pieces.some((piece) => !/^\d{1,4}$/.test(piece))) return null;
  const values = {} as Record<DayPart, number>;
  dayFormat(locale).order.forEach((part, index) => {
    values[part] = Number(pieces[index]);
  });
  const { day, month } = values;
  let { year } = values;
  if (year < 100) year += 2000;
  if (year < 1970 || year > 9999) return null;
  const date = new Date(year, month - 1, day);
  const real = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return real ? date.getTime() : null;
}

/** The last millisecond of the local day that starts at `dayStart` (DST-proof: not + 24 h). */
export function dayEnd(dayStart: number): number {
  const date = new Date(dayStart);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime() - 1;
}

/** Local midnight of the day `ms` falls in. */
export function startOfDay(ms: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
