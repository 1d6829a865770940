// The layer check (scripts/check-layers.mjs, part of `npm run lint`) on a copy of the sources:
// clean as it is, and failing with the right rule for each kind of violation planted in it.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const script = join(repo, 'scripts/check-layers.mjs');
let copy: string;

async function check(): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, copy]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Writes the files, runs the check, removes them again. */
async function checkWith(files: Record<string, string>): Promise<{ code: number; output: string }> {
  for (const [path, text] of Object.entries(files)) writeFileSync(join(copy, path), text);
  try {
    return await check();
  } finally {
    for (const path of Object.keys(files)) unlinkSync(join(copy, path));
  }
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const entry of ['main', 'preload', 'renderer', 'shared', '.dependency-cruiser.cjs', 'tsconfig.json']) {
    cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the layer check', { timeout: 120_000 }, () => {
  it('passes on the sources as they are', async () => {
    const result = await check();
    expect(result.output).toContain('no layer violation, no cycle');
    expect(result.code).toBe(0);
  });

  // One run with every violation planted at once (each run parses the whole tree): each must be named.
  const planted = [
    {
      what: 'Node in the renderer',
      files: {
        'renderer/planted-node.ts':
          "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      },
      rule: 'renderer-no-node',
    },
    {
      what: 'the renderer reaching into main',
      files: {
        'renderer/planted-main.ts':
          "import { systemClock } from '../main/core/clock';\nexport const x = systemClock;\n",
      },
      rule: 'renderer-only-shared',
    },
    {
      what: 'Electron in shared/',
      files: { 'shared/planted.ts': "import { app } from 'electron';\nexport const x = app;\n" },
      rule: 'shared-is-pure',
    },
    {
      what: 'a core folder importing one above it',
      files: {
        'main/core/library/planted.ts':
          "import { JobEngine } from '../jobs/engine';\nexport const x = JobEngine;\n",
      },
      rule: 'core-rank-library',
    },
    {
      what: 'the service importing a host',
      files: {
        'main/service/planted.ts': "import * as cli from '../cli/cli';\nexport const x = cli;\n",
      },
      rule: 'service-not-up',
    },
    {
      what: 'an import cycle between two files of one folder',
      files: {
        'main/core/fs/planted-a.ts': "import { b } from './planted-b';\nexport const a = () => b;\n",
        'main/core/fs/planted-b.ts': "import { a } from './planted-a';\nexport const b = () => a;\n",
      },
      rule: 'no-cycle',
    },
  ];

  it('fails, naming the rule, on each planted violation', async () => {
    const result = await checkWith(Object.assign({}, ...planted.map((plant) => plant.files)));
    expect(result.code).toBe(1);
    for (const { what, rule } of planted) {
      expect(result.output, what).toContain(`${rule}:`);
    }
  });
});
