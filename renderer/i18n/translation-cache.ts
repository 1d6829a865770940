// The remembered answers of `t` (see use-translation.ts), by language, key and simple options.
import type { i18n as I18n } from 'i18next';

let answers = new Map<string, unknown>();
/** Far more than the UI has strings: only a runaway caller (a key per id) could reach it. */
const MAX_ANSWERS = 20_000;

/** Called when strings are added or the language changes: what was remembered may now be wrong. */
export function forgetTranslations(): void {
  answers = new Map();
}

function simpleOptions(options: unknown): string | null {
  if (options === undefined) return '';
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return null;
  for (const value of Object.values(options)) {
    const kind = typeof value;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return null;
  }
  return JSON.stringify(options);
}

export function cachedTranslation(i18n: I18n, key: unknown, options?: unknown): unknown {
  const optionsKey = typeof key === 'string' ? simpleOptions(options) : null;
  // biome-ignore lint/suspicious/noExplicitAny: passes i18next's overloads through untouched
  const translate = i18n.t as (...args: any[]) => unknown;
  if (optionsKey === null) return translate(key, options);
  const id = `${i18n.language}\u0000${key as string}\u0000${optionsKey}`;
  if (answers.has(id)) return answers.get(id);
  const answer = translate(key, options);
  if (answers.size >= MAX_ANSWERS) forgetTranslations();
  answers.set(id, answer);
  return answer;
}
