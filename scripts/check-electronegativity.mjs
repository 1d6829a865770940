#!/usr/bin/env node
// Runs Doyensec's electronegativity over the app's sources (main/, preload/, renderer/) with the
// Electron version from package.json, and fails on any finding not reviewed in
// scripts/electronegativity.config.mjs, on a reviewed entry that matches nothing any more, and on
// any file the tool could not parse (an unparsed file is an unchecked file).
//
// Why not its CLI: it always exits 0, and with an output file it drops parse errors silently.
// Its programmatic runner returns both. The three folders are scanned together (from a copy) so
// its global checks (CSP, navigation limits, permission handler) see the whole app at once.
//
// Usage: node scripts/check-electronegativity.mjs [projectRoot]   (exit 1 with a list on failure)
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reviewedFindings, skippedChecks } from './electronegativity.config.mjs';

const SCANNED = ['main', 'preload', 'renderer'];
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '..'));
const require = createRequire(join(here, '..', 'package.json'));
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

// The tool parses TypeScript with Babel, falling back to @typescript-eslint/typescript-estree (v4),
// which it loads up front. npm hoists that next to our TypeScript 7, which it cannot load (the tool
// would crash at start); the TypeScript it was built for (4.2) sits in the tool's own node_modules.
const toolTypeScript = pathToFileURL(
  join(toolDir, 'node_modules', 'typescript', 'lib', 'typescript.js'),
).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'typescript' && context.parentURL?.includes('/@typescript-eslint/typescript-estree/'))
      return { url: toolTypeScript, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const packageJson = JSON.parse(await readFile(join(here, '..', 'package.json'), 'utf8'));
const electronVersion = packageJson.devDependencies?.electron;
if (!/^\d+\.\d+\.\d+$/.test(electronVersion ?? '')) {
  console.error(
    `electronegativity: package.json must pin an exact Electron version, found "${electronVersion}"`,
  );
  process.exit(1);
}

const copy = await mkdtemp(join(tmpdir(), 'wan-electronegativity-'));
let result;
try {
  for (const folder of SCANNED) await cp(join(root, folder), join(copy, folder), { recursive: true });
  const run = require(join(toolDir, 'dist', 'runner.js'));
  // It prints a line when it cannot fetch fresh translations (offline): not ours to show.
  const log = console.log;
  console.log = () => {};
  try {
    result = await run({
      input: copy,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: skippedChecks.map(({ check }) => check),
    });
  } finally {
    console.log = log;
  }
} finally {
  await rm(copy, { recursive: true, force: true });
}

const problems = [];
for (const error of result.errors) {
  const file = error.file.replace(`${copy}/`, '');
  if (error.tolerable) console.warn(`  ! ${file}: ${error.message}`);
  else problems.push(`${file}: could not be parsed, so it was not checked (${error.message})`);
}

const used = new Set();
for (const issue of result.issues) {
  const file = String(issue.file).split('\\').join('/');
  const sample = String(issue.sample ?? '');
  const reviewed = reviewedFindings.findIndex(
    (entry) =>
      entry.check === issue.id && entry.file === file && (!entry.sample || sample.includes(entry.sample)),
  );
  if (reviewed >= 0) {
    used.add(reviewed);
    continue;
  }
  const where = `${file}:${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`;
  problems.push(
    `${where} ${issue.id} (${issue.severity?.name}, ${issue.confidence?.name}): ${issue.description}` +
      (sample && sample !== 'N/A' ? `\n      ${sample.slice(0, 200)}` : ''),
  );
}
reviewedFindings.forEach((entry, index) => {
  if (!used.has(index))
    problems.push(
      `scripts/electronegativity.config.mjs: reviewed ${entry.check} in ${entry.file} no longer occurs; remove the entry`,
    );
});

if (problems.length > 0) {
  console.error(
    `electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}failed (${problems.length}):`,
  );
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log(
  `electronegativity passed: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over ` +
    `${SCANNED.join('/, ')}/ for Electron ${electronVersion}; ${used.size} reviewed finding(s).`,
);
