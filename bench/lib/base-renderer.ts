// The renderer of another commit, built once and kept, so a bench can measure it beside this one
// in the same run (absolute times move with the machine's load; ratios in one run do not).
//
//   --base <commit>   e.g. --base 697f2d5: builds that commit's renderer into
//                     $TMPDIR/wan-studio-bench-base/<commit>/dist/renderer (git archive + vite
//                     build with this checkout's node_modules when its lockfile is the same, else with
//                     its own from `npm ci`; outside the repository, so lint and tsc never see the
//                     copy), or reuses the earlier build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The commit given with --base, resolved to its full hash; null when the option is absent. */
export function baseCommitArg(argv: readonly string[] = process.argv): string | null {
  const index = argv.indexOf('--base');
  if (index < 0) return null;
  const given = argv[index + 1];
  if (!given || given.startsWith('-')) throw new Error('--base needs a commit (a hash, tag or branch)');
  const resolved = spawnSync('git', ['rev-parse', '--verify', `${given}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (resolved.status !== 0) throw new Error(`--base ${given}: not a commit in this repository`);
  return resolved.stdout.trim();
}

/** dist/renderer of `commit`, built on first use. */
export function baseRendererDir(commit: string): string {
  const dir = join(tmpdir(), 'wan-studio-bench-base', commit);
  const renderer = join(dir, 'dist', 'renderer');
  if (existsSync(join(renderer, 'index.html'))) return renderer;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const unpack = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (unpack.status !== 0) throw new Error(`could not unpack ${commit}`);
  const lockfile = (root: string) => readFileSync(join(root, 'package-lock.json'), 'utf8');
  if (lockfile(dir) === lockfile(ROOT)) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  else {
    // Another set of packages (one added or removed since): that commit's own, from its lockfile.
    console.log(`installing the packages of ${commit.slice(0, 10)}…`);
    const install = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error(`the packages of ${commit} did not install`);
  }
  console.log(`building the renderer of ${commit.slice(0, 10)} for comparison…`);
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'renderer', '--logLevel', 'warn'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error(`the renderer of ${commit} did not build`);
  return renderer;
}
