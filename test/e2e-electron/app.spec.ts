// The generate → library smoke flow in the real Electron app, through Playwright's _electron.
// Runs only where an Electron binary exists; on machines installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD (ours) every test is skipped, visibly, not passed.
// Needs a build first (`npm run build`): it launches package.json's main, dist/main/electron-main.js.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';

function electronBinary(): string | null {
  if (!existsSync(join(process.cwd(), 'node_modules', 'electron', 'dist'))) return null;
  try {
    // The electron package's main export is the path of its binary; it throws when none was installed.
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
test.skip(
  binary === null,
  'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD) — skipped, not passed',
);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'wan-e2e-electron-'));
  app = await _electron.launch({
    executablePath: binary ?? undefined,
    args: ['.'],
    cwd: process.cwd(),
    // No API key: the app runs in demo mode against the built-in simulator; nothing is paid for.
    env: { ...process.env, WAN_STUDIO_USER_DATA: userData, APIXO_API_KEY: '' },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('the window is hardened and served from the app protocol', async () => {
  expect(page.url()).toMatch(/^wan-studio:\/\/app\//);
  const exposure = await page.evaluate(() => ({
    studioGroups: Object.keys((window as unknown as { studio: object }).studio).sort(),
    hasRequire: typeof (window as unknown as { require?: unknown }).require,
    hasProcess: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposure.hasRequire).toBe('undefined');
  expect(exposure.hasProcess).toBe('undefined');
  expect(exposure.studioGroups).toEqual(
    [
      'app',
      'balance',
      'dialog',
      'generations',
      'key',
      'library',
      'on',
      'projects',
      'queue',
      'settings',
    ].sort(),
  );
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(windows).toBe(1);
});

test('navigation away from the app is blocked', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
});

test('generate a video in demo mode and find it in the library', async () => {
  const prompt = `Electron smoke ${Date.now()}: a paper boat drifting on a calm lake, slow push in`;
  await page.getByTestId('prompt').fill(prompt);
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect(page.getByTestId('queue-item').or(page.getByTestId('recent-item')).first()).toBeVisible({
    timeout: 15_000,
  });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  const card = page
    .getByTestId('library-card')
    .filter({ hasText: /paper boat/ })
    .first();
  await expect(card).toBeVisible({ timeout: 180_000 });
  await card.click();
  const player = page.getByTestId('player');
  await expect(player).toBeVisible();
  // The video comes through the wan-media protocol and is decodable (Range requests work).
  expect(await player.getAttribute('src')).toMatch(/^wan-media:\/\/library\//);
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.readyState), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(1);
});
