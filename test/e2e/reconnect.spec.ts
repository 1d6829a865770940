// A browser host restarted on the same port: while it is down the open tab says plainly that the
// host is not running (no "work continues"), and once it is back the tab reconnects with the token
// it already has and loads everything again — here the demo balance, which changed meanwhile.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type BrowserHost, type BrowserHostOptions, startBrowserHost } from '../../main/host/browser-host';
import { expect, test } from './fixtures';

let dir = '';
const dirs: string[] = [];
let host: BrowserHost | null = null;
async function newDataFolder(): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), 'wan-reconnect-'));
  dirs.push(dir);
}
test.beforeEach(newDataFolder);
test.afterEach(async () => {
  await host?.close();
  host = null;
  for (const folder of dirs.splice(0)) await rm(folder, { recursive: true, force: true });
});

function options(port: number, balanceUsd: number): BrowserHostOptions {
  return {
    port,
    userDataDir: join(dir, 'data'),
    libraryDir: join(dir, 'library'),
    forceDemo: true,
    demo: { timeScale: 0.08, balanceUsd },
    secretService: `wan-studio-e2e-reconnect-${process.pid}`,
  };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768 and up): while our host is down, no other
 * process (another test worker, a browser's outgoing connection) is handed it by the system.
 */
async function portOutsideEphemeralRange(): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

/** A host with a signed-in tab on it, then stopped; the port it used. */
async function tabOfStoppedHost(page: Page): Promise<number> {
  const port = await portOutsideEphemeralRange();
  host = await startBrowserHost(options(port, 40));
  await page.goto(host.signInUrl());
  await expect(page.getByTestId('balance')).toHaveText('$40.00');
  await host.close();
  host = null;
  return port;
}

test('the tab reconnects to a host restarted on the same port and resyncs', async ({ page }) => {
  const port = await tabOfStoppedHost(page);
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText('host is not running');
  await expect(banner).not.toContainText('continues');
  await page.screenshot({
    path: join(
      import.meta.dirname,
      '..',
      '..',
      'artifacts',
      'screenshots',
      'workflow-host-gone-light-en.png',
    ),
  });

  // Same data folder and port; the simulator's saved balance is changed while the tab is away.
  await rm(join(dir, 'data', 'demo'), { recursive: true, force: true });
  host = await startBrowserHost(options(port, 75));
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('balance')).toHaveText('$75.00');
  // The reconnected socket works both ways: a call, and the events that follow it.
  await host.core.api.settings.update({ language: 'ru' });
  await expect(page.getByTestId('nav-generate')).toContainText('Генерация');
});

test('a tab the restarted host does not know is told to open the new link', async ({ page }) => {
  const port = await tabOfStoppedHost(page);
  // Another data folder: nothing remembers this tab.
  await newDataFolder();
  host = await startBrowserHost(options(port, 40));
  await expect(page.getByTestId('connection-banner')).toContainText('Open the new link it printed', {
    timeout: 30_000,
  });
});
