// Real small disks for storage-failure tests: a size-limited tmpfs. Mounting needs root; where it
// is not permitted the tests that need it are skipped, and say so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function mountPermitted(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'wan-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  if (!mounted) console.warn('SKIPPED: mounting a tmpfs is not permitted here (needs root)');
  return mounted;
}
