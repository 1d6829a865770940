// The browser host serves dist/renderer, so the specs test the UI as it is now: build it first
// (about a second). Set E2E_SKIP_BUILD=1 when a build you trust is already there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = join(import.meta.dirname, '..', '..');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(root, 'dist', 'renderer', 'index.html'))) return;
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
