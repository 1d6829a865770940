#!/usr/bin/env node
// Launcher for the `wan-studio` CLI. It runs on any Node, finds a Node >= 22.12 (better-sqlite3 13
// needs it; the project's setup installs one under .tools/ when the machine's is older) and runs
// the built CLI with it, passing every argument and the exit code through.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'node', 'cli.js');
const [major, minor] = process.versions.node.split('.').map(Number);
const modern = major > 22 || (major === 22 && minor >= 12);
const localNode = join(
  root,
  '.tools',
  'node',
  'node_modules',
  'node',
  'bin',
  process.platform === 'win32' ? 'node.exe' : 'node',
);
const node = modern ? process.execPath : existsSync(localNode) ? localNode : null;

if (!node) {
  console.error(
    `wan-studio: needs Node 22.12 or newer (this is ${process.version}). Run ./studio setup first.`,
  );
  process.exit(1);
}
if (!existsSync(cli)) {
  console.error('wan-studio: not built yet. Run ./studio setup (or npm run build) first.');
  process.exit(1);
}
const result = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
