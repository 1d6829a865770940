// The accessibility audit: axe-core over every view and every dialog we can open, in light and in
// dark, English (Sequences with its export dialog, Show in folder and Rebuild included). No serious or critical violation may remain (contrast included). Nothing here
// depends on timing: each step waits for what it audits to be on screen, then audits once.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  applySettings,
  expect,
  openView,
  queueGenerations,
  TEXT_TO_VIDEO,
  test,
  waitForDone,
} from './fixtures';
import { settle } from './settle';

interface Finding {
  where: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

test.use({ hostConfig: { demoBalanceUsd: 995 } });

test.beforeAll(async ({ host }) => {
  await queueGenerations(host, [
    'A serene mountain lake at dawn, mist drifting over the water',
    'Neon-lit street in the rain, reflections on wet asphalt',
    'A red fox running through fresh snow in a pine forest',
  ]);
  await waitForDone(host, 3, 90_000);
  // One held generation, so the queue shows its actions and its edit dialog.
  await host.core.api.generations.create({
    params: { ...TEXT_TO_VIDEO, prompt: 'A held paper lantern' },
    hold: true,
  });
});

async function audit(page: Page, where: string, findings: Finding[]): Promise<void> {
  await settle(page);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  for (const violation of result.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    findings.push({
      where,
      rule: violation.id,
      impact: violation.impact,
      // Each element with the first line of why (for contrast: the colours and the ratio).
      targets: violation.nodes
        .slice(0, 8)
        .map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      summary: violation.help,
    });
  }
}

async function inDialog(page: Page, name: string, where: string, findings: Finding[]): Promise<void> {
  await expect(page.getByRole('dialog', { name })).toBeVisible();
  await audit(page, where, findings);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name })).toBeHidden();
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical violations, ${theme}`, async ({ studio: page, host }) => {
    test.setTimeout(240_000);
    await applySettings(host, { theme, language: 'en' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const findings: Finding[] = [];

    await openView(page, 'generate');
    await audit(page, 'generate', findings);
    await page.getByRole('radio', { name: 'Image to video' }).check();
    await audit(page, 'generate (image to video)', findings);
    await page.getByRole('radio', { name: 'Text to video' }).check();
    await page.getByRole('button', { name: 'Recent prompts' }).click();
    await inDialog(page, 'Recent prompts', 'recent prompts dialog', findings);
    await page.getByRole('button', { name: 'Presets' }).click();
    await inDialog(page, 'Presets', 'presets dialog', findings);
    await page.getByRole('button', { name: 'New project' }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'new project dialog', findings);
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-batch').click();
    await expect(page.getByTestId('nav-batch')).toHaveAttribute('aria-current', 'page');
    await audit(page, 'batch', findings);

    await openView(page, 'queue');
    await expect(page.getByTestId('edit-held')).toBeVisible();
    await audit(page, 'queue', findings);
    await page.getByTestId('edit-held').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'edit held dialog', findings);
    await page.keyboard.press('Escape');

    await openView(page, 'library');
    const cards = page.getByTestId('library-card');
    await expect(cards.nth(2)).toBeVisible();
    await cards.first().locator('.card-hit').click();
    await audit(page, 'library with the detail panel', findings);
    await cards
      .nth(2)
      .locator('.card-hit')
      .click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('bulk-bar')).toBeVisible();
    await audit(page, 'library with a selection', findings);
    // The selection becomes a sequence: the Sequences view with its editor, and the export dialog.
    await page.getByTestId('bulk-bar').getByLabel('Add to sequence').selectOption({ label: 'New sequence…' });
    await expect(page.getByTestId('sequence-clip')).toHaveCount(3);
    await audit(page, 'sequences', findings);
    await page.getByRole('button', { name: 'Export MP4' }).click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await audit(page, 'sequence export dialog', findings);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toBeHidden();
    await openView(page, 'library');
    await cards.first().locator('.card-hit').click();
    await cards
      .nth(2)
      .locator('.card-hit')
      .click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('bulk-bar')).toBeVisible();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByTestId('compare')).toBeVisible();
    await audit(page, 'compare', findings);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('compare')).toBeHidden();

    await cards.nth(1).locator('.card-hit').click();
    await page.getByTestId('detail-panel').getByRole('button', { name: 'Show in folder' }).click();
    await inDialog(page, 'Where the file is', 'show in folder dialog', findings);
    await cards.nth(1).locator('.card-hit').dblclick();
    await expect(page.getByTestId('viewer')).toBeVisible();
    await audit(page, 'viewer', findings);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('viewer')).toBeHidden();

    await cards.nth(2).locator('.card-hit').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('nav-trash').click();
    await expect(page.getByTestId('trash-item').first()).toBeVisible();
    await audit(page, 'trash', findings);
    await page.getByRole('button', { name: /^Empty trash/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'empty trash dialog', findings);
    await page.keyboard.press('Escape');
    await page.getByTestId('trash-item').first().getByRole('button').first().click();
    await expect(page.getByTestId('trash-item')).toHaveCount(0);

    await page.getByTestId('nav-spend').click();
    await expect(page.getByTestId('nav-spend')).toHaveAttribute('aria-current', 'page');
    await audit(page, 'spend', findings);

    await openView(page, 'settings');
    await audit(page, 'settings', findings);
    await page
      .getByTestId('rebuild-library')
      .getByRole('button', { name: 'Rebuild library from folder' })
      .click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'rebuild library dialog', findings);
    await page.keyboard.press('Escape');

    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
}
