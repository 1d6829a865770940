// Keyboard only: from the page's first Tab, a user reaches the main actions and activates them
// with Enter or Space — sidebar navigation, the Generate form (mode, recent prompts, presets,
// submit), and back. No mouse, no clicks: only Tab, Shift+Tab, arrows, Enter, Space and Escape.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `limit`. */
async function tabTo(page: Page, name: RegExp, direction: 'forward' | 'back' = 'forward', limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelled = element.getAttribute('aria-labelledby');
      const byId = labelled ? document.getElementById(labelled)?.textContent : null;
      const label = element.id
        ? document.querySelector(`label[for="${element.id}"]`)?.textContent
        : element.closest('label')?.textContent;
      return (element.getAttribute('aria-label') ?? byId ?? label ?? element.textContent ?? '').trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('the main actions are reachable and usable from the keyboard alone', async ({ studio: page, host }) => {
  await host.core.api.prompts.clear();
  for (const preset of await host.core.api.presets.list())
    await host.core.api.presets.remove({ id: preset.id });
  await page.locator('body').focus();

  // Sidebar: Generate is the first view; Tab into the navigation and open Queue, then come back.
  await tabTo(page, /^Queue/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-queue')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-generate')).toHaveAttribute('aria-current', 'page');

  // Mode: arrow keys move the radio group; Image to video and back.
  await tabTo(page, /^Text to video$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Image to video' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Text to video' })).toBeChecked();

  // Presets: open with Enter, type a name, Enter saves; Escape closes.
  await tabTo(page, /^Presets$/);
  await page.keyboard.press('Enter');
  const presets = page.getByRole('dialog', { name: 'Presets' });
  await expect(presets).toBeVisible();
  await tabTo(page, /^Save the current settings as a preset$/);
  await page.keyboard.type('Keyboard look');
  await page.keyboard.press('Enter');
  await expect(presets.getByRole('list', { name: 'Saved presets' })).toContainText('Keyboard look');
  await page.keyboard.press('Escape');
  await expect(presets).toBeHidden();

  // The prompt, then submit with Ctrl+Enter from inside the form.
  await tabTo(page, /^Prompt$/);
  await page.keyboard.type('a snow globe shaken on a desk');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByText('1 generation queued')).toBeVisible();

  // Recent prompts: the prompt just sent is there; ↓ then Enter puts it back.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await tabTo(page, /^Recent prompts$/, 'back');
  await page.keyboard.press('Enter');
  const history = page.getByRole('dialog', { name: 'Recent prompts' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(history).toBeHidden();
  await expect(page.getByTestId('prompt')).toHaveValue('a snow globe shaken on a desk');

  // Apply the preset from the keyboard: Tab to its Apply button, Space activates it.
  await tabTo(page, /^Presets$/, 'back');
  await page.keyboard.press('Space');
  await expect(presets).toBeVisible();
  await tabTo(page, /^Apply Keyboard look$/);
  await page.keyboard.press('Space');
  await expect(page.getByText('Preset “Keyboard look” applied')).toBeVisible();
});
