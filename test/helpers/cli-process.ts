// Runs the built `wan-studio` CLI in a child process (a separate OS process we can SIGKILL), on a
// scaled clock that agrees with the test's simulator.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'node', 'cli.js');

/** Builds dist/node when a test runs before `npm run build` (CI builds first). */
export function ensureCliBuilt(): void {
  if (existsSync(CLI)) return;
  const result = spawnSync('npx', ['vite', 'build', '--mode', 'node'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the CLI failed');
}

export interface CliRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function runCli(args: string[], env: Record<string, string>): CliRun {
  let output = '';
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
