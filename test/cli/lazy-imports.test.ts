// Start-up cost of the CLI is what it imports before doing anything. These read the built output's
// static import graph: what `node dist/node/cli.js` must load before its first line runs, and what
// opening the core loads, whichever command it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../helpers/cli-process';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'node');
const STATIC_IMPORT = /^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm;

/** Every module a file statically imports, following our own chunks (dynamic import() excluded). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(join(DIST, file), 'utf8');
  for (const [, specifier] of source.matchAll(STATIC_IMPORT)) {
    if (!specifier || seen.has(specifier)) continue;
    seen.add(specifier);
    if (specifier.startsWith('./')) staticGraph(specifier.slice(2), seen);
  }
  return seen;
}

function dynamicTargets(file: string): string[] {
  const source = readFileSync(join(DIST, file), 'utf8');
  return [...source.matchAll(/import\(["']\.\/([^"']+)["']\)/g)].map((match) => match[1] ?? '');
}

beforeAll(() => ensureCliBuilt(), 120_000);

describe('CLI start-up imports', () => {
  it('--help and flag errors need nothing but Node and the error type', () => {
    const graph = [...staticGraph('cli.js')];
    expect(graph.filter((name) => !name.startsWith('node:') && !name.startsWith('./'))).toEqual([]);
    expect(graph.some((name) => /studio-core|cli-/.test(name))).toBe(false);
  });

  it('a command loads the core, but no network, image or cloud library until it is used', () => {
    const [commandChunk] = dynamicTargets('cli.js');
    expect(commandChunk).toMatch(/^cli-/);
    const graph = staticGraph(commandChunk ?? '');
    expect([...graph].some((name) => name.includes('studio-core'))).toBe(true);
    for (const heavy of [
      'undici',
      'sharp',
      '@aws-sdk/client-s3',
      '@aws-sdk/s3-request-presigner',
      'ws',
      'node:http',
      // Loaded by the one feature that uses each: mcp, export, watch folders, the keychain.
      '@modelcontextprotocol/sdk/server/mcp.js',
      '@modelcontextprotocol/sdk/server/stdio.js',
      'mediabunny',
      'chokidar',
      '@napi-rs/keyring',
    ]) {
      expect(graph.has(heavy), heavy).toBe(false);
    }
  });

  it('zod and ws are inside the bundle, not resolved file by file from node_modules', () => {
    const graph = staticGraph(dynamicTargets('cli.js')[0] ?? '');
    expect(graph.has('zod')).toBe(false);
    expect([...graph].some((name) => name.startsWith('./studio-core'))).toBe(true);
  });
});

describe('browser host start-up imports', () => {
  it('host.js answers --help and bad flags without the core; serving loads it', () => {
    const graph = [...staticGraph('host.js')];
    expect(graph.filter((name) => !name.startsWith('node:') && !name.startsWith('./'))).toEqual([]);
    expect(graph.some((name) => /studio-core|browser-host/.test(name))).toBe(false);
    const [hostChunk] = dynamicTargets('host.js');
    expect(hostChunk).toMatch(/^browser-host-/);
    const served = staticGraph(hostChunk ?? '');
    expect([...served].some((name) => name.includes('studio-core'))).toBe(true);
    for (const heavy of ['ws', 'zod', 'mediabunny', 'chokidar', '@napi-rs/keyring', 'sharp', 'undici']) {
      expect(served.has(heavy), heavy).toBe(false);
    }
  });
});
