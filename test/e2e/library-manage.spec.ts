// Managing the library as a user does it, mouse and keyboard: select (click, Shift+click,
// Ctrl+click, Ctrl+A), act on the selection from the bar, move videos between projects (menu and
// drag onto the sidebar), delete with Delete and undo with Ctrl+Z, and the Trash view's restore,
// delete forever and empty trash.
import type { Page } from '@playwright/test';
import { addFinishedVideo } from '../helpers/library-videos';
import { expect, openProject, test } from './fixtures';

// A host of its own: these specs count what is in the library and the trash.
test.use({ hostConfig: { demoBalanceUsd: 999 } });

const cards = (page: Page) => page.getByTestId('library-card');
const hit = (page: Page, index: number) => cards(page).nth(index).locator('.card-hit');

test('select with Shift and Ctrl, move the selection to a project, Delete it and undo with Ctrl+Z', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const from = library.createProject('Harbour select');
  const to = library.createProject('Festival select');
  for (const word of ['one', 'two', 'three', 'four'])
    addFinishedVideo(library, `harbour ${word}`, { projectId: from.id });
  await host.core.api.projects.list();
  await page.reload();
  await openProject(page, 'Harbour select');
  await expect(cards(page)).toHaveCount(4);

  await hit(page, 0).click();
  await hit(page, 2).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Selection' });
  await expect(bar.getByText('3 selected')).toBeVisible();
  await hit(page, 1).click({ modifiers: ['ControlOrMeta'] });
  await expect(bar.getByText('2 selected')).toBeVisible();
  const picked = await page
    .locator('[data-picked]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  expect(picked).toHaveLength(2);

  await bar.getByLabel('Move to project').selectOption({ label: 'Festival select' });
  await expect(page.getByText('2 videos moved to Festival select')).toBeVisible();
  await expect(cards(page)).toHaveCount(2);
  expect(
    library
      .query({ projectId: to.id })
      .items.map((item) => item.id)
      .sort(),
  ).toEqual([...picked].sort());

  // Ctrl+A takes every card shown; Delete sends them to the trash; Ctrl+Z brings them back.
  await hit(page, 0).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(bar.getByText('2 selected')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(cards(page)).toHaveCount(0);
  expect(library.query({ projectId: from.id }).total).toBe(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(cards(page)).toHaveCount(2);
  expect(library.query({ projectId: from.id }).total).toBe(2);
});

test('a card dragged onto a project in the sidebar moves there; the detail panel moves one too', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const from = library.createProject('Harbour drag');
  const to = library.createProject('Festival drag');
  const [first, second] = ['drag one', 'drag two'].map((word) =>
    addFinishedVideo(library, word, { projectId: from.id }),
  );
  await page.reload();
  await openProject(page, 'Harbour drag');
  await expect(cards(page)).toHaveCount(2);

  const card = page.locator(`[data-id="${first}"] .card-hit`);
  await card.dragTo(page.locator('.project-row', { hasText: 'Festival drag' }));
  await expect(page.getByText('Moved to Festival drag')).toBeVisible();
  await expect.poll(() => library.getGeneration(first ?? '')?.projectId).toBe(to.id);

  await page.locator(`[data-id="${second}"] .card-hit`).click();
  const panel = page.getByTestId('detail-panel');
  await panel.getByLabel('Move to project').selectOption({ label: 'Festival drag' });
  await expect.poll(() => library.getGeneration(second ?? '')?.projectId).toBe(to.id);
  await expect(
    page.locator('.project-row', { hasText: 'Festival drag' }).locator('.project-count'),
  ).toHaveText('2');
});

test('the Trash restores, deletes forever and empties, saying how much space it frees', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  // Whatever earlier specs left in this host's trash goes first, so the counts are this spec's.
  library.purgeTrashed();
  const ids = ['trash alpha', 'trash beta', 'trash gamma'].map((word) => addFinishedVideo(library, word));
  await host.core.api.library.trashMany({ ids });

  // Keyboard: the sidebar's Trash entry is a button like the others.
  await page.getByTestId('nav-trash').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(page.getByTestId('trash-usage')).toHaveText('3 videos in the trash · 12.2 KB');

  await page.getByRole('button', { name: 'Restore trash alpha' }).click();
  await expect(page.getByTestId('trash-item')).toHaveCount(2);
  expect(library.getGeneration(ids[0] ?? '')?.deletedAt).toBeNull();

  await page.getByRole('button', { name: 'Delete forever: trash beta' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete forever?' });
  await confirm.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('4.1 KB freed')).toBeVisible();
  expect(library.getGeneration(ids[1] ?? '')).toBeNull();

  await page.getByRole('button', { name: 'Empty trash' }).click();
  const empty = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(empty).toContainText('1 video and its files are deleted for good, freeing 4.1 KB');
  await empty.getByRole('button', { name: 'Empty trash' }).click();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  expect(library.getGeneration(ids[2] ?? '')).toBeNull();
});
