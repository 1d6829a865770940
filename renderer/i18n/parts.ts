// Which sections of en.json / ru.json the first paint needs. The rest (each view's own words) is
// loaded with the views' code, right after the first paint; a view never renders before its
// strings are here (views/lazy-views.tsx). The build splits the files by this list
// (vite.config.ts, `virtual:strings/<language>/<part>`), so the JSON files stay one per language.
// test/renderer/first-chunk.test.ts fails when code in the first chunk names a section not listed.
export const SHELL_SECTIONS = [
  'common',
  'nav',
  'connection',
  'demo',
  'balance',
  'network',
  'settingsKept',
  'projects',
  'folderPrompt',
  'units',
  'files',
  'errors',
  'errorReasons',
  'errorReasonTitles',
] as const;

export type StringsPart = 'shell' | 'views';

/** The sections of a language's strings that belong to `part`. */
export function pickPart(strings: Record<string, unknown>, part: StringsPart): Record<string, unknown> {
  const shell = new Set<string>(SHELL_SECTIONS);
  return Object.fromEntries(
    Object.entries(strings).filter(([section]) => shell.has(section) === (part === 'shell')),
  );
}
