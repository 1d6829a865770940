// `npm run lint` step: the layer table (.dependency-cruiser.cjs, explained in docs/ARCHITECTURE.md)
// checked over every import of the product code. Fails on a layer violation, any import cycle, or
// Node/Electron in the renderer or shared/.
//
// Through dependency-cruiser's API rather than its CLI for one more guarantee: every source file
// must have been parsed. TypeScript files are read with swc (TypeScript 7 has no JS API); if swc
// were missing, dependency-cruiser would silently skip them and pass.
//   usage: node scripts/check-layers.mjs [root]   (root defaults to the repository)
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';

const SOURCE_FOLDERS = ['main', 'preload', 'renderer', 'shared'];
const SOURCE_FILE = /\.(ts|tsx|mjs|js|cjs)$/;

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const rules = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

process.chdir(root);
const folders = SOURCE_FOLDERS.filter((folder) => {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
});
const { output } = await cruise(folders, {
  validate: true,
  ruleSet: { forbidden: rules.forbidden },
  doNotFollow: rules.options.doNotFollow,
  exclude: rules.options.exclude,
  tsPreCompilationDeps: rules.options.tsPreCompilationDeps,
  parser: 'swc',
});

const seen = new Set(output.modules.map((module) => module.source));
const unparsed = folders.flatMap(sourceFiles).filter((file) => !seen.has(file));
const problems = output.summary.violations.map((violation) => {
  const cycle = violation.cycle?.length
    ? `\n      cycle: ${violation.cycle.map((step) => step.name ?? step).join(' → ')}`
    : '';
  return `  ${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`;
});
for (const file of unparsed) problems.push(`  not parsed (is @swc/core installed?): ${file}`);

if (problems.length > 0) {
  console.error(`Layer check failed (${problems.length}); the table is in docs/ARCHITECTURE.md:`);
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`Layer check: ${seen.size} modules, no layer violation, no cycle.`);
