// Waits until the page is at rest before it is measured or photographed: fonts loaded and every
// finite animation finished (a fading dialog has no final colours yet; spinners run forever and
// are left alone). An event to wait for, never a timeout.
import type { Page } from '@playwright/test';

export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}
