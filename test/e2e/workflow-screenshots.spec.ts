// The everyday-workflow additions in light and dark, English and Russian, for review:
// the demo balance run out (banner + Settings, with the reset), and the Generate estimate with
// no estimate for an invalid batch size and the routing note. Saved as workflow-<what>-<theme>-<lang>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applySettings, expect, openView, test } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`workflow additions in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      mkdirSync(OUT, { recursive: true });
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const sim = host.core.demoSimulator();
      sim?.setBalance(0.2);
      await host.core.api.balance.get({ refresh: true });
      await openView(page, 'settings');
      await expect(page.getByTestId('demo-balance-note')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `workflow-demo-balance-${theme}-${lang}.png`) });

      await openView(page, 'generate');
      await page.getByTestId('count').fill('0');
      await expect(page.getByTestId('cost-none')).toBeVisible();
      await page.screenshot({ path: join(OUT, `workflow-estimate-${theme}-${lang}.png`) });
      await page.getByTestId('count').fill('1');
      await host.core.api.balance.resetDemo();
    });
  }
}
