// Browser tests: the real studio UI against the real core, through the browser host (the core runs
// inside each Playwright worker; see test/e2e/fixtures.ts). Debian's Chromium, because Playwright's
// own browser download is not reachable from every build machine.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium';

export default defineConfig({
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  // Two workers (each its own host and Chromium) on the 2-core CI machine: the specs wait on the
  // simulator as much as they compute. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS) || 2,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    // The same flow in the real Electron app; it reports itself skipped where no binary is installed.
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
});
