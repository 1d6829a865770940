// A library the settings remember but cannot be found (an unmounted drive): the studio shows
// "library not found" with its path and the ways out instead of an empty library, and creating a
// new library from that screen brings the studio up on it. Screenshots in light and dark go to
// artifacts/screenshots/library-not-found-<theme>-<lang>.png.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

let dir = '';
let host: BrowserHost | null = null;
test.afterEach(async ({ page }) => {
  // The page first: an open socket would keep the host's server from closing.
  await page.close();
  await host?.close();
  host = null;
  await rm(dir, { recursive: true, force: true });
});

async function startWithMissingLibrary(theme: 'light' | 'dark', language: 'en' | 'ru') {
  delete process.env.APIXO_API_KEY;
  dir = await mkdtemp(join(tmpdir(), 'wan-e2e-missing-'));
  const missing = join(dir, 'media', 'usb-drive', 'Wan Library');
  await mkdir(join(dir, 'data'));
  await writeFile(
    join(dir, 'data', 'settings.json'),
    JSON.stringify({ settings: { theme, language }, libraryRoot: missing }),
  );
  host = await startBrowserHost({
    userDataDir: join(dir, 'data'),
    forceDemo: true,
    secretService: `wan-studio-e2e-missing-${process.pid}`,
  });
  return { host, missing };
}

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, language)) continue;
    test(`library not found screen (${theme}, ${language})`, async ({ page }) => {
      const { host, missing } = await startWithMissingLibrary(theme, language);
      await page.goto(host.signInUrl());
      const screen = page.getByTestId('library-unavailable');
      await expect(screen).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(screen).toHaveAttribute('data-kind', 'library_missing');
      await expect(screen).toContainText(missing);
      await expect(screen.getByRole('heading')).toHaveText(
        language === 'en' ? 'Library not found' : 'Библиотека не найдена',
      );
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `library-not-found-${theme}-${language}.png`) });
      expect(existsSync(join(dir, 'media'))).toBe(false);
    });
  }
}

test('try again keeps refusing; a new library opens the studio on it', async ({ page }) => {
  const { host } = await startWithMissingLibrary('light', 'en');
  await page.goto(host.signInUrl());
  const screen = page.getByTestId('library-unavailable');
  await screen.getByRole('button', { name: 'Try again' }).click();
  await expect(screen.getByRole('alert')).toContainText('Library not found');
  expect(existsSync(join(dir, 'media'))).toBe(false);

  const fresh = join(dir, 'new library');
  await screen.getByRole('button', { name: 'Create a new library…' }).click();
  await page.getByTestId('folder-input').fill(fresh);
  await page.getByTestId('folder-input').press('Enter');
  await expect(screen).toHaveCount(0);
  await expect(page.getByTestId('nav-generate')).toBeVisible();
  expect((await host.core.info()).libraryRoot).toBe(fresh);
  expect(existsSync(join(fresh, '.wanstudio', 'library.db'))).toBe(true);
});

test('an unreadable settings file is reported, and where it was kept', async ({ page }) => {
  delete process.env.APIXO_API_KEY;
  dir = await mkdtemp(join(tmpdir(), 'wan-e2e-broken-settings-'));
  await mkdir(join(dir, 'data'));
  await writeFile(join(dir, 'data', 'settings.json'), '{ "settings": { "theme": "dark", } }');
  host = await startBrowserHost({
    userDataDir: join(dir, 'data'),
    libraryDir: join(dir, 'library'),
    forceDemo: true,
    secretService: `wan-studio-e2e-broken-${process.pid}`,
  });
  await page.goto(host.signInUrl());
  const banner = page.getByTestId('settings-kept-banner');
  await expect(banner).toContainText('Your settings file could not be read');
  await expect(banner).toContainText(join(dir, 'data', 'settings.json.broken-'));
  await page.screenshot({ path: join(OUT, 'settings-kept-light-en.png') });
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});
