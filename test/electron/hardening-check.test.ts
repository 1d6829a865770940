import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(process.cwd(), 'scripts', 'check-electron-hardening.mjs');

function runCheck(root?: string) {
  const result = spawnSync(process.execPath, root ? [SCRIPT, root] : [SCRIPT], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of the checked files with one edit applied (a missing file starts empty). */
async function weakened(file: string, edit: (code: string) => string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'wan-hardening-'));
  temps.push(root);
  await cp(join(process.cwd(), 'main'), join(root, 'main'), { recursive: true });
  await cp(join(process.cwd(), 'preload'), join(root, 'preload'), { recursive: true });
  await cp(join(process.cwd(), 'renderer', 'index.html'), join(root, 'renderer', 'index.html')).catch(
    () => {},
  );
  const path = join(root, file);
  const before = await readFile(path, 'utf8').catch(() => '');
  const after = edit(before);
  expect(after, 'the edit must change the file').not.toBe(before);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, after);
  return root;
}

/** A second window, as someone might add it in a new module, with the sandbox off. */
const UNSANDBOXED_WINDOW = `import { BrowserWindow } from 'electron';
export const about = () =>
  new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: false, nodeIntegration: false } });
`;

describe('scripts/check-electron-hardening.mjs', () => {
  it('passes on the real tree', () => {
    const { status, output } = runCheck();
    expect(output).toMatch(/passed/);
    expect(status).toBe(0);
  });

  it('passes on an unmodified copy (the copy itself is sound)', async () => {
    const root = await weakened('main/electron/main.ts', (code) => `${code}\n// copy\n`);
    expect(runCheck(root).status).toBe(0);
  });

  it.each([
    [
      'sandbox off',
      'main/electron/window-options.ts',
      (c: string) => c.replace('sandbox: true', 'sandbox: false'),
      /sandbox must be true/,
    ],
    [
      'context isolation off',
      'main/electron/window-options.ts',
      (c: string) => c.replace('contextIsolation: true', 'contextIsolation: false'),
      /contextIsolation must be true/,
    ],
    [
      'node integration on',
      'main/electron/window-options.ts',
      (c: string) => c.replace('nodeIntegration: false', 'nodeIntegration: true'),
      /nodeIntegration must be false/,
    ],
    [
      'webview tag on',
      'main/electron/window-options.ts',
      (c: string) => c.replace('webviewTag: false', 'webviewTag: true'),
      /webviewTag must be false/,
    ],
    [
      'web security off',
      'main/electron/window-options.ts',
      (c: string) => c.replace('webSecurity: true', 'webSecurity: false'),
      /webSecurity/,
    ],
    [
      'insecure content allowed',
      'main/electron/window-options.ts',
      (c: string) => c.replace('allowRunningInsecureContent: false', 'allowRunningInsecureContent: true'),
      /allowRunningInsecureContent/,
    ],
    [
      'no navigation guard',
      'main/electron/harden.ts',
      (c: string) => c.replace("contents.on('will-navigate', stayInApp);", ''),
      /will-navigate/,
    ],
    [
      'no window-open handler',
      'main/electron/harden.ts',
      (c: string) => c.replace('contents.setWindowOpenHandler(', 'contents.on("x", '),
      /setWindowOpenHandler/,
    ],
    [
      'no permission handler',
      'main/electron/harden.ts',
      (c: string) => c.replace('session.setPermissionRequestHandler(', 'session.on("x", '),
      /setPermissionRequestHandler/,
    ],
    [
      'unguarded openExternal',
      'main/electron/harden.ts',
      (c: string) => c.replace('void shell.openExternal(safeUrl);', 'void shell.openExternal(url);'),
      /openExternal\(url\) is not guarded/,
    ],
    [
      'a file:// load',
      'main/electron/main-window.ts',
      (c: string) =>
        c.replace('void window.loadURL(APP_ENTRY_URL);', "void window.loadURL('file:///index.html');"),
      /file:\/\//,
    ],
    [
      'an IPC handler outside the gate',
      'main/electron/main.ts',
      (c: string) => `${c}\nipcMain.handle('backdoor', () => process.env);\n`,
      /ipcMain\.handle outside/,
    ],
    [
      'unsafe-inline in the CSP',
      'main/electron/csp.ts',
      (c: string) => c.replace(`"script-src 'self'"`, `"script-src 'self' 'unsafe-inline'"`),
      /unsafe/,
    ],
    [
      'a second exposed object',
      'preload/index.ts',
      (c: string) => `${c}\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);\n`,
      /exactly one contextBridge|must not expose/,
    ],
    [
      'an unsandboxed window one folder down',
      'main/electron/windows/about-window.ts',
      () => UNSANDBOXED_WINDOW,
      /main\/electron\/windows\/about-window\.ts: line 3: sandbox must be true/,
    ],
    [
      'an unsandboxed window outside main/electron',
      'main/service/about/about-window.ts',
      () => UNSANDBOXED_WINDOW,
      /main\/service\/about\/about-window\.ts: line 3: sandbox must be true/,
    ],
    [
      'a second exposed object one folder down',
      'preload/extra/expose.ts',
      () =>
        "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);\n",
      /exactly one contextBridge|must not expose/,
    ],
  ])('fails on %s', async (_label, file, edit, message) => {
    const root = await weakened(file, edit);
    const { status, output } = runCheck(root);
    expect(status).toBe(1);
    expect(output).toMatch(message);
  });

  it('ignores dangerous words in comments', async () => {
    const root = await weakened(
      'main/electron/main.ts',
      (c) => `${c}\n// never use file:// or sandbox: false here\n/* nodeIntegration: true */\n`,
    );
    expect(runCheck(root).status).toBe(0);
  });
});
