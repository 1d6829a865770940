// One browser host per Playwright worker, started in demo mode on a fresh temp folder: the real
// core (job engine, library, simulator) in this process, the real UI in Chromium. A spec that
// needs a different host (an empty demo balance, a 100 000-item library) says so with
// `test.use({ hostConfig: … })`, which gives it a worker of its own.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { type BrowserHost, type BrowserHostOptions, startBrowserHost } from '../../main/host/browser-host';
import type { Settings } from '../../shared/contract/contract';
import type { GenerationParams } from '../../shared/domain/params';
import { seedSyntheticLibrary } from '../helpers/synthetic-library';

export interface HostConfig {
  demoBalanceUsd?: number;
  seedSynthetic?: number;
}

interface WorkerFixtures {
  hostConfig: HostConfig;
  host: BrowserHost;
}

export const test = base.extend<{ studio: Page }, WorkerFixtures>({
  hostConfig: [{}, { scope: 'worker', option: true }],
  host: [
    async ({ hostConfig }, use, workerInfo) => {
      // A key in the developer's environment would turn the "no key yet" specs upside down.
      delete process.env.APIXO_API_KEY;
      const dir = await mkdtemp(join(tmpdir(), `wan-e2e-${workerInfo.workerIndex}-`));
      const options: BrowserHostOptions = {
        userDataDir: join(dir, 'data'),
        libraryDir: join(dir, 'library'),
        // Generations stay on the simulator even after a spec sets a key.
        forceDemo: true,
        demo: { timeScale: 0.08, balanceUsd: hostConfig.demoBalanceUsd ?? 1000 },
        // A keychain service of our own, so a spec never touches real entries.
        secretService: `wan-studio-e2e-${process.pid}-${workerInfo.workerIndex}`,
      };
      const host = await startBrowserHost(options);
      if (hostConfig.seedSynthetic) seedSyntheticLibrary(host.core.library(), hostConfig.seedSynthetic);
      await use(host);
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  studio: async ({ page, host }, use) => {
    // Specs share a worker's host: start each one in English with the OS theme, whatever ran before.
    await host.core.api.settings.update({ language: 'en', theme: 'system' });
    // …and with an empty Generate form: the draft is kept across reloads, so also across specs.
    await host.core.api.drafts.save({ draft: null });
    await page.goto(host.signInUrl());
    await expect(page.getByTestId('nav-generate')).toBeVisible();
    await expect(page.locator('.view-loading')).toHaveCount(0);
    await use(page);
  },
});

export { expect };

export const TEXT_TO_VIDEO: GenerationParams = {
  mode: 'text-to-video',
  prompt: 'A lighthouse on a cliff at dusk, waves below, slow push in',
  resolution: '720p',
  duration: 5,
  aspectRatio: '16:9',
  promptExpansion: true,
  provider: 'auto',
};

/** Queues generations straight through the core (setup for specs that are not about Generate). */
export async function queueGenerations(host: BrowserHost, prompts: string[]): Promise<void> {
  for (const [index, prompt] of prompts.entries()) {
    const aspectRatio = (['16:9', '9:16', '1:1'] as const)[index % 3];
    await host.core.api.generations.create({
      params: { ...TEXT_TO_VIDEO, prompt, aspectRatio },
      count: 1,
      seedMode: 'random',
      projectId: null,
    });
  }
}

export async function waitForDone(host: BrowserHost, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = host.core.library().query({ states: ['done'], limit: 1 });
    if (page.total >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`fewer than ${count} generations finished within ${timeoutMs} ms`);
}

export async function applySettings(host: BrowserHost, patch: Partial<Settings>): Promise<void> {
  await host.core.api.settings.update(patch);
}

export async function openView(
  page: Page,
  view: 'generate' | 'queue' | 'library' | 'settings',
): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await expect(page.getByTestId(`nav-${view}`)).toHaveAttribute('aria-current', 'page');
}

/** Opens the library on one project from the sidebar. */
export async function openProject(page: Page, name: string): Promise<void> {
  await openView(page, 'library');
  await page.locator('.project-item', { hasText: name }).click();
  await expect(page.locator('.library-scope-name')).toHaveText(name);
}
