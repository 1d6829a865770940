// A demo-mode browser host in a fresh temp folder and a Chromium to drive it: what every
// browser-side bench starts from. close() ends both and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { type BrowserHost, type BrowserHostOptions, startBrowserHost } from '../../main/host/browser-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/helpers/chromium';

export interface DemoStudio {
  dir: string;
  host: BrowserHost;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemoStudio(name: string, demo?: BrowserHostOptions['demo']): Promise<DemoStudio> {
  const dir = mkdtempSync(join(tmpdir(), `wan-bench-${name}-`));
  delete process.env.APIXO_API_KEY;
  const host = await startBrowserHost({
    userDataDir: join(dir, 'data'),
    libraryDir: join(dir, 'library'),
    forceDemo: true,
    ...(demo ? { demo } : {}),
    secretService: `wan-studio-bench-${process.pid}`,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    dir,
    host,
    browser,
    async close() {
      await browser.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
