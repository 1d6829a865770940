// What a built renderer (dist/renderer or any vite build of it) makes the first paint load: the
// entry script, the chunks index.html preloads, and the shell's strings in the UI language (the
// entry awaits them before React's first render). Everything else loads on demand. Shared by
// bench/bundle.ts and test/renderer/first-chunk.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  name: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

export interface FirstPaint {
  /** Every JS file of the build, largest first; `initial` when index.html loads it. */
  files: BuiltFile[];
  /** index.html's entry script and preloads. */
  initial: BuiltFile[];
  /** Per language, the strings chunk the first paint awaits (absent in builds that inline them). */
  strings: Partial<Record<string, BuiltFile>>;
  /** The sources (absolute paths, from the source maps) of the initial files: what the first paint runs. */
  sources: { path: string; content: string }[];
}

export function readFirstPaint(rendererDir: string): FirstPaint {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initialNames = [
    ...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  const files = readdirSync(join(rendererDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(rendererDir, 'assets', name));
      const path = `assets/${name}`;
      return {
        name: path,
        raw: bytes.length,
        gzip: gzipSync(bytes).length,
        initial: initialNames.includes(path),
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const strings: FirstPaint['strings'] = {};
  for (const file of files) {
    const language = /^assets\/_?strings-([a-z]{2})-shell-/.exec(file.name)?.[1];
    if (language) strings[language] = file;
  }
  const initial = files.filter((file) => file.initial);
  const sources = initial.flatMap((file) => {
    const mapFile = join(rendererDir, `${file.name}.map`);
    if (!existsSync(mapFile)) return [];
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: string[] };
    return map.sources.map((path, index) => ({
      path: resolve(dirname(mapFile), path),
      content: map.sourcesContent?.[index] ?? '',
    }));
  });
  return { files, initial, strings, sources };
}

/** Bytes the first paint loads in `language`: the initial files plus that language's shell strings. */
export function firstPaintBytes(firstPaint: FirstPaint, language: string): { raw: number; gzip: number } {
  const counted = [
    ...firstPaint.initial,
    ...(firstPaint.strings[language] ? [firstPaint.strings[language]] : []),
  ];
  return {
    raw: counted.reduce((sum, file) => sum + file.raw, 0),
    gzip: counted.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/**
 * The sources a chunk runs when it is imported: the chunk and every chunk it imports statically
 * (what a dynamic import of it evaluates before the view can render).
 */
export function chunkSources(rendererDir: string, chunkName: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(rendererDir, 'assets', name), 'utf8');
    // Static imports only: `import … from "./x.js"`, `import "./x.js"` and re-exports
    // (`export { … } from "./x.js"`, what a view's own chunk is when its code sits in a shared
    // chunk), not import("./x.js").
    for (const match of code.matchAll(
      /(?:^|[;\s}])(?:import\s*(?:[^"'();]*?from\s*)?|export\s*[^"'();]*?from\s*)["']\.\/([^"']+\.js)["']/g,
    ))
      visit(match[1] ?? '');
  };
  visit(chunkName);
  return [...seen].flatMap((name) => {
    const mapFile = join(rendererDir, 'assets', `${name}.map`);
    if (!existsSync(mapFile)) return [];
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
    return map.sources.map((path) => resolve(dirname(mapFile), path));
  });
}
