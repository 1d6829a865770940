#!/usr/bin/env node
// A static hardening check fitted to this app, beside electronegativity (scripts/
// check-electronegativity.mjs) for what that generic tool cannot know: our IPC gate, our one
// exposed object, the safeExternalUrl guard, webPreferences wherever they are written (it only
// sees options written inside `new BrowserWindow(...)`). It reads every source file under main/
// and preload/, at any depth, and renderer/index.html, as text, and fails when a known-dangerous
// setting appears or a required guard is missing. It is a tripwire for regressions in review, not
// a proof: the unit tests check the behaviour itself.
//
// Usage: node scripts/check-electron-hardening.mjs [projectRoot]   (exit 1 with a list on failure)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const IPC_GATE = 'main/electron/ipc-gate.ts';

/** Source without comments, so prose such as "never file://" does not trip a rule. */
function stripComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/(^|\s)\/\/.*$/, '$1'))
    .join('\n');
}

const SOURCE = /\.[cm]?[jt]sx?$/;

/** Every source file below `folder`, at any depth: a weakened window one folder down counts too. */
function sourceFiles(folder) {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({
      name: relative(root, path).split('\\').join('/'),
      code: stripComments(readFileSync(path, 'utf8')),
    }));
}

const mainFiles = sourceFiles('main');
const preloadFiles = sourceFiles('preload');
const allFiles = [...mainFiles, ...preloadFiles];
const problems = [];
const fail = (file, message) => problems.push(`${file}: ${message}`);

function lineOf(code, index) {
  return code.slice(0, index).split('\n').length;
}

function everyOccurrence(pattern, check, files = allFiles) {
  for (const { name, code } of files) {
    for (const match of code.matchAll(pattern)) check(name, match, lineOf(code, match.index ?? 0));
  }
}

function present(pattern) {
  return mainFiles.some(({ code }) => pattern.test(code));
}

if (!mainFiles.some(({ name }) => name.startsWith('main/electron/')))
  fail('main/electron', 'no source files found: nothing to check');

// ── BrowserWindow webPreferences ────────────────────────────────────────────────────────────────
const REQUIRED_PREFS = {
  contextIsolation: 'true',
  sandbox: 'true',
  nodeIntegration: 'false',
  nodeIntegrationInWorker: 'false',
  nodeIntegrationInSubFrames: 'false',
  webSecurity: 'true',
  allowRunningInsecureContent: 'false',
  webviewTag: 'false',
  experimentalFeatures: 'false',
};
for (const [pref, wanted] of Object.entries(REQUIRED_PREFS)) {
  let seen = false;
  everyOccurrence(new RegExp(`\\b${pref}\\s*:\\s*([^,\\n}]+)`, 'g'), (file, match, line) => {
    seen = true;
    const value = match[1].trim();
    if (value !== wanted) fail(file, `line ${line}: ${pref} must be ${wanted}, found "${value}"`);
  });
  // Defaults are not good enough for the three that decide whether page script can reach Node.
  if (!seen && ['contextIsolation', 'sandbox', 'nodeIntegration'].includes(pref)) {
    fail('main/electron', `${pref}: ${wanted} is not set explicitly in any window options`);
  }
}
everyOccurrence(/\benableBlinkFeatures\b/g, (file, _m, line) =>
  fail(file, `line ${line}: enableBlinkFeatures is not allowed`),
);
everyOccurrence(/\ballowpopups\b/gi, (file, _m, line) =>
  fail(file, `line ${line}: allowpopups is not allowed`),
);
everyOccurrence(/\benableRemoteModule\b/g, (file, _m, line) =>
  fail(file, `line ${line}: the remote module is not allowed`),
);

// ── required guards ────────────────────────────────────────────────────────────────────────────
const REQUIRED = [
  [/['"]will-navigate['"]/, "no 'will-navigate' handler limits navigation"],
  [/['"]will-redirect['"]/, "no 'will-redirect' handler limits redirects"],
  [/['"]will-attach-webview['"]/, "no 'will-attach-webview' handler blocks <webview>"],
  [/\.setWindowOpenHandler\(/, 'no setWindowOpenHandler denies new windows'],
  [/\.setPermissionRequestHandler\(/, 'no setPermissionRequestHandler on the session'],
  [/\.setPermissionCheckHandler\(/, 'no setPermissionCheckHandler on the session'],
  [/\.enableSandbox\(\)/, 'app.enableSandbox() is never called'],
  [/['"]web-contents-created['"]/, "the security handlers are not applied on 'web-contents-created'"],
];
for (const [pattern, message] of REQUIRED) if (!present(pattern)) fail('main/electron', message);

// ── openExternal only with an allow-listed URL ─────────────────────────────────────────────────
everyOccurrence(/\bopenExternal\b/g, (file, match, line) => {
  const { code } = allFiles.find((entry) => entry.name === file);
  const at = match.index ?? 0;
  const before = code.slice(Math.max(0, at - 6), at);
  const after = code.slice(at + 'openExternal'.length);
  if (!before.endsWith('shell.')) {
    // A method definition or a call on our own adapter is fine; aliasing shell's function is not.
    if (/=\s*shell\b/.test(code.slice(at, at + 80)) || /^\s*:\s*shell\./.test(after)) {
      fail(file, `line ${line}: shell.openExternal must not be aliased`);
    }
    return;
  }
  const argument = /^\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/.exec(after);
  if (!argument) {
    fail(file, `line ${line}: shell.openExternal must be called with a variable checked by safeExternalUrl`);
    return;
  }
  // TypeScript then insists on the null check: safeExternalUrl returns string | null.
  const guarded = new RegExp(`\\b${argument[1]}\\s*=\\s*safeExternalUrl\\(`).test(
    code.slice(Math.max(0, at - 600), at),
  );
  if (!guarded)
    fail(file, `line ${line}: shell.openExternal(${argument[1]}) is not guarded by safeExternalUrl`);
});
for (const { name, code } of preloadFiles) {
  if (/\bshell\b/.test(code)) fail(name, 'the preload must not use shell');
}

// ── no file:// ─────────────────────────────────────────────────────────────────────────────────
// The simulator (main/demo) hands out file:// result links on purpose, to test that they are refused;
// it never loads a page, so it is the one place this rule does not look.
everyOccurrence(
  /file:\/\/|\.loadFile\(|\bpathToFileURL\(/g,
  (file, match, line) =>
    fail(file, `line ${line}: ${match[0]} — the UI is served from the app protocol, never from file://`),
  allFiles.filter(({ name }) => !name.startsWith('main/demo/')),
);
everyOccurrence(/\bwebSecurity\s*:\s*false\b/g, (file, _m, line) =>
  fail(file, `line ${line}: webSecurity: false`),
);
everyOccurrence(/\ballowRunningInsecureContent\s*:\s*true\b/g, (file, _m, line) =>
  fail(file, `line ${line}: allowRunningInsecureContent: true`),
);
everyOccurrence(/\bbypassCSP\s*:\s*true\b/g, (file, _m, line) =>
  fail(file, `line ${line}: a scheme bypasses CSP`),
);

// ── IPC only through the gate; one object exposed ──────────────────────────────────────────────
everyOccurrence(/\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\b/g, (file, match, line) => {
  if (file !== IPC_GATE) fail(file, `line ${line}: ipcMain.${match[1]} outside ${IPC_GATE}`);
});
const exposures = preloadFiles.flatMap(({ name, code }) =>
  [...code.matchAll(/exposeInMainWorld\(([^)]*)/g)].map((match) => ({ name, args: match[1] })),
);
if (preloadFiles.length > 0 && exposures.length !== 1) {
  fail('preload', `exactly one contextBridge.exposeInMainWorld expected, found ${exposures.length}`);
}
for (const { name, args } of exposures) {
  if (/ipcRenderer|require|process/.test(args))
    fail(name, 'exposeInMainWorld must not expose Electron or Node objects');
}

// ── Content-Security-Policy ────────────────────────────────────────────────────────────────────
function checkCsp(file, policy) {
  if (!policy) {
    fail(file, 'no Content-Security-Policy found');
    return;
  }
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!directives.get('script-src')?.includes("'self'")) fail(file, "CSP lacks script-src 'self'");
  if (scripts?.some((source) => source !== "'self'")) {
    fail(file, `CSP script-src allows more than 'self': ${scripts.join(' ')}`);
  }
  if (/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'wasm-unsafe-eval'/.test(policy)) {
    fail(file, 'CSP contains an unsafe-* source');
  }
  if (!directives.get('object-src')?.includes("'none'")) fail(file, "CSP lacks object-src 'none'");
}

const cspFile = mainFiles.find(({ name }) => name === 'main/electron/csp.ts');
if (cspFile) {
  const list = /\[([\s\S]*?)\]\s*\.join\(\s*['"];\s*['"]\s*\)/.exec(cspFile.code);
  const parts = list ? [...list[1].matchAll(/(["'`])((?:(?!\1).)*)\1/g)].map((match) => match[2]) : [];
  checkCsp(cspFile.name, parts.join('; '));
} else {
  fail('main/electron/csp.ts', 'missing: the CSP header constant must live here');
}

const indexHtml = join(root, 'renderer', 'index.html');
if (existsSync(indexHtml)) {
  const html = readFileSync(indexHtml, 'utf8');
  // The policy is full of single quotes, so the attribute is double-quoted.
  const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*?content="([^"]*)"/i.exec(html);
  checkCsp('renderer/index.html', meta?.[1] ?? null);
  for (const script of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (!/\bsrc\s*=/.test(script[1]))
      fail('renderer/index.html', 'inline <script> (only src= scripts are allowed)');
  }
}

if (problems.length > 0) {
  console.error(`Electron hardening check failed (${problems.length}):`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log(
  `Electron hardening check passed: ${mainFiles.length} main, ${preloadFiles.length} preload file(s)` +
    `${existsSync(indexHtml) ? ', renderer/index.html' : ' (renderer/index.html absent: skipped)'}.`,
);
