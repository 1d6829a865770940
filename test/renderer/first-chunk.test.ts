// The renderer's first paint stays small: these build the renderer afresh and read what index.html
// makes the browser load before the first render (see test/helpers/renderer-bundle.ts). A size
// check on the built files, not a timing. What keeps it small, and what these guard:
// - zod (the contract's schemas, ~90 KB) loads only with the views that validate: the browser
//   client builds `studio` by name (shared/contract/call-api.ts); parameter values and file limits
//   come from param-values.ts and file-limits.ts, not from the modules that define schemas.
// - Each language's strings come in two parts (renderer/i18n/parts.ts): the shell's, awaited before
//   the first render, and the views', loaded with the views. Code in the first paint may name only
//   the shell's sections, or it would show raw keys until the views' part arrives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_SECTIONS } from '../../renderer/i18n/parts';
import { chunkSources, type FirstPaint, firstPaintBytes, readFirstPaint } from '../helpers/renderer-bundle';

const ROOT = join(import.meta.dirname, '..', '..');
const BUDGET_KB = 350;
const outDir = mkdtempSync(join(tmpdir(), 'wan-first-chunk-'));
let built: FirstPaint;

beforeAll(() => {
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--mode', 'renderer', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // Vitest sets NODE_ENV=test, which would build React's development bundles.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (build.status !== 0) throw new Error(`renderer build failed:\n${build.stderr}`);
  built = readFirstPaint(outDir);
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the renderer first paint', () => {
  it(`loads at most ${BUDGET_KB} KB of JavaScript in either language, strings included`, () => {
    expect(Object.keys(built.strings).sort()).toEqual(['en', 'ru']);
    for (const language of ['en', 'ru']) {
      const kb = firstPaintBytes(built, language).raw / 1024;
      expect(kb, `${language}: ${kb.toFixed(1)} KB`).toBeLessThanOrEqual(BUDGET_KB);
    }
  });

  it('runs no zod and none of the contract schemas', () => {
    const paths = built.sources.map((source) => relative(ROOT, source.path));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => path.includes('node_modules/zod/'))).toEqual([]);
    expect(
      paths.filter((path) => /shared\/contract\/contract\.ts$|shared\/domain\/params\.ts$/.test(path)),
    ).toEqual([]);
  });

  // Generate (the start view) and the Library (opened most) are fetched at once after the shell;
  // evaluating zod and the schemas (50–70 ms) on the way made both first grids later.
  it('opens Generate and the Library without zod: the form checks come after (use-form-check.ts)', () => {
    for (const view of ['GenerateView', 'LibraryView']) {
      const chunk = built.files.find((file) => file.name.startsWith(`assets/${view}-`));
      expect(chunk, view).toBeDefined();
      const paths = chunkSources(outDir, (chunk?.name ?? '').replace('assets/', '')).map((path) =>
        relative(ROOT, path),
      );
      expect(paths.some((path) => path.endsWith(`${view}.tsx`))).toBe(true);
      expect(
        paths.filter((path) => path.includes('node_modules/zod/') || path.endsWith('contract/contract.ts')),
        view,
      ).toEqual([]);
    }
  });

  it('names only the shell sections of the strings', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'renderer', 'i18n', 'en.json'), 'utf8')) as Tree;
    const keys = new Set([...flatten(en)].map((path) => path.replace(/_(zero|one|two|few|many|other)$/, '')));
    // A quoted "section.word…" that is a real key (in t(), i18n.t() or a table of keys), or the
    // prefix of a template key `section.${…}`; event names such as 'settings.updated' are not keys.
    const quoted = new RegExp(
      `['"\`]((${Object.keys(en).join('|')})(?:\\.[A-Za-z0-9_]+)*)(\\.\\$\\{|['"\`])`,
      'g',
    );
    const shell = new Set<string>(SHELL_SECTIONS);
    const outside = built.sources
      .map((source) => ({ path: relative(ROOT, source.path), content: source.content }))
      .filter((source) => source.path.startsWith('renderer/'))
      .flatMap((source) =>
        [...source.content.matchAll(quoted)]
          .filter(
            ([, path = '', section = '', end]) => !shell.has(section) && (end === '.${' || keys.has(path)),
          )
          .map(([, path]) => `${source.path}: ${path}`),
      );
    expect([...new Set(outside)]).toEqual([]);
  });

  it('leaves every view and the views’ strings to load on demand', () => {
    const lazy = built.files.filter((file) => !file.initial).map((file) => file.name);
    for (const view of ['GenerateView', 'LibraryView', 'QueueView', 'SettingsView', 'BatchView'])
      expect(
        lazy.some((name) => name.startsWith(`assets/${view}-`)),
        view,
      ).toBe(true);
    expect(lazy.filter((name) => /strings-(en|ru)-views-/.test(name))).toHaveLength(2);
  });
});

type Tree = { [key: string]: string | Tree };
function* flatten(tree: Tree, prefix = ''): Generator<string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') yield path;
    else yield* flatten(value, path);
  }
}
