// The everyday workflow's rough edges, as a user meets them: toasts that never sit over Generate
// or the detail panel's buttons (small and large windows) and cut long text; the queue's
// recently-finished list cleared, undone and still cleared after a reload; links that are not links
// and relative paths, each with its own message; "Show in folder" in the browser saying where the
// file is; Ctrl/Cmd+A taking every match and one bulk call favouriting them all.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addFinishedVideo } from '../helpers/library-videos';
import {
  applySettings,
  expect,
  openProject,
  openView,
  queueGenerations,
  test,
  waitForDone,
} from './fixtures';

// A host of its own: these specs count what is in the library and the queue.
test.use({ hostConfig: { demoBalanceUsd: 998 } });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Every toast's box against every control's box, read in one go (a toast may fade between two
 * separate reads): at least one toast is shown, and none overlaps a control.
 */
async function expectNoToastOver(page: Page, controls: Locator): Promise<void> {
  const boxes = async () => ({
    toasts: await page
      .getByTestId('toast')
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as Box)),
    controls: await controls.evaluateAll((nodes) =>
      nodes.map((n) => n.getBoundingClientRect().toJSON() as Box),
    ),
  });
  let sample = await boxes();
  await expect
    .poll(async () => {
      sample = await boxes();
      return sample.toasts.length;
    })
    .toBeGreaterThan(0);
  expect(sample.controls.length).toBeGreaterThan(0);
  for (const toast of sample.toasts)
    for (const control of sample.controls)
      expect(overlaps(toast, control), JSON.stringify({ toast, control })).toBe(false);
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1680, height: 1050 },
]) {
  test(`toasts stay clear of Generate and the detail panel at ${size.width}×${size.height}`, async ({
    studio: page,
    host,
  }) => {
    await page.setViewportSize(size);
    await openView(page, 'generate');
    await page.getByTestId('prompt').fill('Gulls over a harbour at dawn, slow pan');
    const generate = page.getByRole('main').getByRole('button', { name: /^Generate/ });
    for (let i = 0; i < 3; i++) await generate.click();
    await expect(page.getByTestId('toast').first()).toBeVisible();
    const region = page.getByRole('region', { name: 'Notifications' });
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await expectNoToastOver(page, generate);

    // A long toast in the library, with the detail panel open: export to a folder with a long name.
    addFinishedVideo(host.core.library(), `toast clearance ${size.width}`);
    await openView(page, 'library');
    await page.getByTestId('library-card').first().locator('.card-hit').click();
    const panel = page.getByTestId('detail-panel');
    await expect(panel).toBeVisible();
    const folder = join(
      await mkdtemp(join(tmpdir(), 'wan-toast-')),
      'a-folder-with-a-very-long-name-'.repeat(8),
    );
    await panel.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('folder-input').fill(folder);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    const exported = page.getByTestId('toast').filter({ hasText: '1 video copied' });
    // Pointer on the toast: it stays while it is being read.
    await exported.hover();
    await expectNoToastOver(page, panel.locator('.detail-actions button'));
    // Cut to a few lines with an ellipsis; the whole path is in the title.
    const text = exported.locator('.toast-text');
    await expect(text).toHaveAttribute('title', new RegExp(folder.slice(-40)));
    const detail = text.locator('span');
    expect(await detail.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);
    expect((await exported.boundingBox())?.height ?? 999).toBeLessThan(160);
  });
}

test('the recently-finished list clears, comes back with Undo, and stays cleared after a reload', async ({
  studio: page,
  host,
}) => {
  await queueGenerations(host, ['a kite over dunes', 'rain on a tin roof']);
  await waitForDone(host, 2);
  await openView(page, 'queue');
  const recent = page.getByTestId('queue-recent');
  // The worker's host is shared: jobs of earlier tests may still be finishing, so the list is
  // checked for these two and for coming back whole, not for an exact length.
  const ours = () =>
    ['a kite over dunes', 'rain on a tin roof'].map((text) => recent.locator('li', { hasText: text }));
  for (const item of ours()) await expect(item).toHaveCount(1);
  const shown = await recent.locator('li').count();

  await page.getByRole('button', { name: 'Clear list' }).click();
  await expect(recent).toHaveCount(0);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  for (const item of ours()) await expect(item).toHaveCount(1);
  await expect.poll(() => recent.locator('li').count()).toBeGreaterThanOrEqual(shown);

  await page.getByRole('button', { name: 'Clear list' }).click();
  await expect(recent).toHaveCount(0);
  await page.reload();
  await openView(page, 'queue');
  await expect(page.getByRole('heading', { name: /In progress/ })).toBeVisible();
  await expect(recent).toHaveCount(0);
  // Cleared from the list only: the videos are all still in the library.
  expect(host.core.library().query({ text: 'kite' }).total).toBe(1);
  await applySettings(host, { recentClearedAt: 0 });
});

test('links that are not links, and relative paths, get a message of their own in both languages', async ({
  studio: page,
  host,
}) => {
  await openView(page, 'generate');
  await page.getByRole('radio', { name: 'Image to video' }).click();
  const link = page.getByTestId('image-url');
  for (const [typed, message] of [
    ['not a url', '“not a url” is not a link. Paste a full web address that starts with https://'],
    ['ftp://files.example.com/still.jpg', 'Links that start with ftp: can’t be used for an image'],
    ['javascript:alert(1)', 'Links that start with javascript: can’t be used for an image'],
  ] as const) {
    await link.fill(typed);
    await link.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(link).toHaveAttribute('aria-invalid', 'true');
  }
  await link.fill('');

  addFinishedVideo(host.core.library(), 'relative path check');
  await openView(page, 'library');
  await page.getByTestId('library-card').first().locator('.card-hit').click();
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Export…' }).click();
  const input = page.getByTestId('folder-input');
  await input.fill('exports/today');
  await input.press('Enter');
  await expect(page.getByText('“exports/today” is a relative path.')).toBeVisible();
  await expect(input).toHaveValue('exports/today'); // what was typed stays, to be fixed
  await input.fill('~/Videos');
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByText('“~” is not expanded here')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await applySettings(host, { language: 'ru' });
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Экспорт…' }).click();
  await input.fill('exports/today');
  await input.press('Enter');
  await expect(page.getByText('«exports/today» — относительный путь.')).toBeVisible();
  await page.getByRole('button', { name: 'Отмена' }).click();
  await openView(page, 'generate');
  await link.fill('ftp://x/a.jpg');
  await link.press('Enter');
  await expect(page.getByText('Ссылки, начинающиеся с ftp:, не подходят для изображения')).toBeVisible();
  await link.fill('');
});

test('Show in folder in the browser says where the file is, with Copy path', async ({
  studio: page,
  host,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = addFinishedVideo(host.core.library(), 'where is this file');
  // Written straight into the library (no event): the page fetched its first page at start-up.
  await page.reload();
  await openView(page, 'library');
  await page.getByTestId('library-card').first().locator('.card-hit').click();
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Show in folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Where the file is' });
  const path = dialog.getByLabel('Full path');
  const expected = join(host.core.library().root, 'videos', `${id}.mp4`);
  await expect(path).toHaveValue(expected);
  await expect(path).toBeFocused();
  await dialog.getByRole('button', { name: 'Copy path' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Path copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Ctrl+A selects every match, not only the loaded cards, and one call favourites them all', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const project = library.createProject('Every match');
  for (let i = 0; i < 130; i++) addFinishedVideo(library, `match ${i}`, { projectId: project.id });
  await host.core.api.projects.list();
  await page.reload();
  await openProject(page, 'Every match');
  const cards = page.getByTestId('library-card');
  await cards.first().locator('.card-hit').focus();
  // The grid has loaded one page, far fewer than the 130 matches.
  expect(await page.locator('[data-testid="library-card"]').count()).toBeLessThan(130);
  await page.keyboard.press('ControlOrMeta+a');
  const bar = page.getByRole('region', { name: 'Selection' });
  await expect(bar.getByText('130 selected')).toBeVisible();

  const changes: string[] = [];
  const stop = host.core.events.on('library.changed', ({ reason }) => changes.push(reason));
  await bar.getByRole('button', { name: 'Favourite', exact: true }).click();
  await expect.poll(() => library.query({ projectId: project.id, favourite: true }).total).toBe(130);
  expect(changes.filter((reason) => reason === 'curation')).toHaveLength(1);
  await bar.getByLabel('Rate').selectOption({ label: '★★★' });
  const rated = () =>
    library.query({ projectId: project.id, limit: 500 }).items.filter((item) => item.rating === 3).length;
  await expect.poll(rated).toBe(130);
  expect(changes.filter((reason) => reason === 'curation')).toHaveLength(2);
  stop();
  await expect(cards.first().locator('.card-star')).toHaveAttribute('aria-pressed', 'true');
});

test('the library’s date filters are typed and shown in the UI language, not the browser’s', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const project = library.createProject('Dated');
  addFinishedVideo(library, 'dated clip', { projectId: project.id });
  await host.core.api.projects.list();
  await applySettings(host, { language: 'ru' });
  await page.reload();
  await page.getByTestId('nav-library').click();
  await page.locator('.project-item', { hasText: 'Dated' }).click();
  await expect(page.getByTestId('library-card')).toHaveCount(1);
  await page.getByRole('button', { name: 'Фильтры' }).click();
  const from = page.getByLabel('С', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'дд.мм.гггг');

  // A day that does not exist is refused in place; the list is untouched.
  await from.fill('31.02.2026');
  await from.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Такой даты нет' })).toBeVisible();
  await expect(page.getByTestId('library-card')).toHaveCount(1);

  // Tomorrow, typed day first: nothing was made from then on.
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  await from.fill(`${pad(tomorrow.getDate())}.${pad(tomorrow.getMonth() + 1)}.${tomorrow.getFullYear()}`);
  await from.press('Enter');
  await expect(page.getByTestId('library-card')).toHaveCount(0);
  // ↓ moves the day back to today: the clip is there again.
  await from.press('ArrowDown');
  await expect(page.getByTestId('library-card')).toHaveCount(1);

  // The same day reads month first once the studio speaks English.
  const today = new Date();
  await applySettings(host, { language: 'en' });
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(
    `${pad(today.getMonth() + 1)}/${pad(today.getDate())}/${today.getFullYear()}`,
  );
});
