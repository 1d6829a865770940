// One Vite config, four build targets chosen by --mode, plus the Vitest settings:
//   renderer (default)  the React studio          → dist/renderer
//   node                the CLI and browser host   → dist/node      (ESM, Node 22)
//   electron            the Electron main process  → dist/main      (ESM)
//   preload             the sandboxed preload      → dist/preload   (CommonJS: sandboxed preloads cannot be ESM)
import { cpSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { pickPart, type StringsPart } from './renderer/i18n/parts';

// Pure-JS packages the node bundle carries inside it rather than loading from node_modules: zod
// is ~90 small ESM files and ws a dozen CommonJS ones, and resolving, reading and (for CommonJS)
// lexing each file cost the CLI and the browser host ~0.1-0.2 s of every start.
const BUNDLED = ['zod', 'ws'];
const asPattern = (name: string) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}(/.*)?$`);

const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies).filter((name) => !BUNDLED.includes(name)),
].map(asPattern);

// A sandboxed preload can require('electron') and nothing else, so everything it uses (zod for the
// contract) is bundled into it.
const preloadExternal = [/^electron$/];

// The demo simulator serves its clips from `media/` next to its module; bundled, that module is
// the entry file, so the clips are copied beside it.
function copyDemoMedia(outDir: string): Plugin {
  return {
    name: 'copy-demo-media',
    closeBundle() {
      cpSync('main/demo/media', join(outDir, 'media'), { recursive: true });
    },
  };
}

// `virtual:strings/<language>/<part>`: the sections of renderer/i18n/<language>.json that the first
// paint needs ('shell') or the views need ('views'), each its own chunk (see renderer/i18n/parts.ts).
function stringsParts(): Plugin {
  const PREFIX = 'virtual:strings/';
  // Resolved as "strings-<language>-<part>", which also names the chunk.
  const RESOLVED = /^\0strings-([a-z]{2})-(shell|views)$/;
  return {
    name: 'strings-parts',
    resolveId: (id) =>
      id.startsWith(PREFIX) ? `\0strings-${id.slice(PREFIX.length).replace('/', '-')}` : null,
    load(id) {
      if (!id.startsWith('\0strings-')) return null;
      const [, language, part] = RESOLVED.exec(id) ?? [];
      if (!language || !part) throw new Error(`unknown strings module ${id.slice(1)}`);
      const file = join('renderer', 'i18n', `${language}.json`);
      this.addWatchFile(file);
      const picked = pickPart(JSON.parse(readFileSync(file, 'utf8')), part as StringsPart);
      // JSON.parse of a string literal: V8 parses it faster than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(picked))});`;
    },
  };
}

// Modules gathered once the module graph is known, for chunking to keep together: everything the
// entry imports statically (it all runs before the first paint), and what the Generate and Library
// views import statically (both load at start-up, lazy-views.tsx). Left to itself the bundler gave
// each module that several views share a chunk of its own: ~30 files of 1–9 KB for the first paint
// and ~45 for the Library, fetched six at a time (HTTP/1.1's connections per host, browser host),
// the Library's only once its own chunk had been compiled.
function staticGraph(
  name: string,
  isRoot: (id: string, isEntry: boolean) => boolean,
): {
  plugin: Plugin;
  has(id: string): boolean;
} {
  const found = new Set<string>();
  const plugin: Plugin = {
    name: `static-graph-${name}`,
    // Chunking is a build's concern (the dev server's module infos cannot answer isEntry).
    apply: 'build',
    buildStart() {
      found.clear(); // a --watch rebuild starts from the graph as it is now
    },
    buildEnd() {
      const stack = [...this.getModuleIds()].filter((id) =>
        isRoot(id, this.getModuleInfo(id)?.isEntry ?? false),
      );
      while (stack.length > 0) {
        const id = stack.pop() as string;
        if (found.has(id)) continue;
        found.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, has: (id) => found.has(id) };
}

function nodeTarget(
  outDir: string,
  input: Record<string, string>,
  format: 'es' | 'cjs',
  externals: RegExp[] = external,
): UserConfig {
  return {
    // SSR builds leave node_modules imports alone by default; only `externals` may stay external.
    ssr: { noExternal: externals === external ? BUNDLED : true },
    plugins: format === 'es' ? [copyDemoMedia(outDir)] : [],
    build: {
      ssr: true,
      target: 'node22',
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      rollupOptions: {
        input,
        external: externals,
        // Chunks beside the entries, so a module's import.meta.url-relative files (demo media) resolve.
        output: {
          format,
          entryFileNames: format === 'cjs' ? '[name].cjs' : '[name].js',
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'node') {
    return nodeTarget('dist/node', { cli: 'main/cli/entry.ts', host: 'main/host/entry.ts' }, 'es');
  }
  if (mode === 'electron') return nodeTarget('dist/main', { 'electron-main': 'main/electron/main.ts' }, 'es');
  if (mode === 'preload')
    return nodeTarget('dist/preload', { preload: 'preload/index.ts' }, 'cjs', preloadExternal);
  const shell = staticGraph('shell', (_id, isEntry) => isEntry);
  const firstViews = staticGraph('first-views', (id) =>
    /[\\/]views[\\/](generate[\\/]GenerateView|library[\\/]LibraryView)\.tsx$/.test(id),
  );
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), stringsParts(), shell.plugin, firstViews.plugin],
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'shell', test: (id: string) => shell.has(id), priority: 2 },
              {
                name: 'first-views',
                test: (id: string) => firstViews.has(id) && !shell.has(id),
                priority: 1,
              },
            ],
          },
        },
      },
      outDir: '../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
      // index.html preloads what the first paint imports; a view's import() fetches its own chunks
      // as the browser meets them. Vite's helper that would preload them instead appended ~60
      // <link> elements while the first views loaded: 20–80 ms of the first grid (profiled).
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
    },
    test: {
      root: '.',
      include: ['test/**/*.test.ts'],
      environment: 'node',
      pool: 'forks',
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
});
