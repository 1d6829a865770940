// Command-line refusals in our words: the nearest option for a typo, a clear line for a missing
// value, and the browser host's own --help.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStudioError } from '../../main/core/errors';
import { nearest, parseCommandLine } from '../../main/service/command-line';

const OPTIONS = {
  prompt: { type: 'string' },
  'negative-prompt': { type: 'string' },
  wait: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function refusal(argv: string[]): string {
  try {
    parseCommandLine(argv, OPTIONS, 'tool --help');
  } catch (error) {
    if (isStudioError(error)) return error.userMessage;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseCommandLine', () => {
  it('suggests the nearest option for a typo, and none for something unlike any option', () => {
    expect(refusal(['--promt', 'x'])).toBe(
      'unknown option --promt (did you mean --prompt?) (see tool --help)',
    );
    expect(refusal(['--negativ-prompt', 'x'])).toMatch(/did you mean --negative-prompt\?/);
    expect(refusal(['--jsno'])).toMatch(/did you mean --json\?/);
    expect(refusal(['--frobnicate'])).toBe('unknown option --frobnicate (see tool --help)');
  });

  it('says a value is missing instead of calling the argument ambiguous', () => {
    const message = refusal(['--prompt', '--wait']);
    expect(message).toMatch(/^--prompt needs a value/);
    expect(message).not.toMatch(/ambiguous/);
    expect(refusal(['--wait=yes'])).toMatch(/^--wait takes no value/);
  });

  it('parses what is right', () => {
    expect(parseCommandLine(['--prompt', 'a fox', '--wait', 'extra'], OPTIONS, 'x')).toMatchObject({
      values: { prompt: 'a fox', wait: true },
      positionals: ['extra'],
    });
  });

  it('only suggests a name that is close', () => {
    expect(nearest('limt', ['limit', 'library'])).toBe('limit');
    expect(nearest('zzz', ['limit', 'library'])).toBeUndefined();
  });
});

const HOST = join(import.meta.dirname, '..', '..', 'dist', 'node', 'host.js');
describe.skipIf(!existsSync(HOST))('node dist/node/host.js', () => {
  it('--help prints the options and exits without starting a server', () => {
    const run = spawnSync(process.execPath, [HOST, '--help'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: node dist\/node\/host\.js/);
    expect(run.stdout).toMatch(/--demo-balance USD/);
    expect(run.stdout).not.toMatch(/is running at/);
  });

  it('a typo is refused in our words', () => {
    const run = spawnSync(process.execPath, [HOST, '--prot', '8080'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown option --prot \(did you mean --port\?\)/);
  });
});
