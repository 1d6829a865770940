// Recent prompts and presets on the Generate view, driven as a user: every sent prompt is in the
// history (searchable, reused by click or keyboard, deletable), and the form's parameters can be
// saved under a name, applied, renamed and deleted — all kept in the library.
import { expect, openView, TEXT_TO_VIDEO, test } from './fixtures';

test('a sent prompt is in the history: search it, reuse it from the keyboard, delete it', async ({
  studio: page,
  host,
}) => {
  await host.core.api.prompts.clear();
  // One prompt sent earlier (held, so nothing runs), one sent from the form now.
  await host.core.api.generations.create({
    params: { ...TEXT_TO_VIDEO, prompt: 'a lighthouse beam sweeping over fog' },
    hold: true,
  });
  await openView(page, 'generate');
  await page.getByTestId('prompt').fill('a copper kettle steaming on a stove');
  await page.getByLabel('Negative prompt').fill('smoke');
  await page.getByTestId('submit').click();
  await expect(page.getByText('1 generation queued')).toBeVisible();
  await page.getByTestId('prompt').fill('');
  await page.getByLabel('Negative prompt').fill('');

  await page.getByRole('button', { name: 'Recent prompts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Recent prompts' });
  const list = dialog.getByRole('list', { name: 'Recent prompts, newest first' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('a copper kettle steaming on a stove');

  await dialog.getByLabel('Search prompts').fill('KETTLE stove');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await dialog.getByLabel('Search prompts').press('ArrowDown');
  await expect(list.getByRole('button', { name: /^a copper kettle/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('prompt')).toHaveValue('a copper kettle steaming on a stove');
  await expect(page.getByLabel('Negative prompt')).toHaveValue('smoke');
  await expect(page.getByTestId('prompt')).toBeFocused();

  await page.getByRole('button', { name: 'Recent prompts' }).click();
  await dialog
    .getByRole('button', { name: 'Delete from history: a lighthouse beam sweeping over fog' })
    .click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await dialog.getByLabel('Search prompts').fill('lighthouse');
  await expect(dialog.getByText('No prompt contains those words.')).toBeVisible();
  expect((await host.core.api.prompts.history()).map((entry) => entry.prompt)).toEqual([
    'a copper kettle steaming on a stove',
  ]);
  // Escape in the search box clears it first (as search boxes do), then closes the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog.getByLabel('Search prompts')).toHaveValue('');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('presets: save the current settings, refuse a taken name, apply, rename, delete', async ({
  studio: page,
  host,
}) => {
  for (const preset of await host.core.api.presets.list())
    await host.core.api.presets.remove({ id: preset.id });
  await openView(page, 'generate');
  await page.getByRole('radio', { name: /^1080p/ }).check();
  await page.getByRole('radio', { name: /^10 s/ }).check();
  await page.getByRole('radio', { name: 'Fixed' }).check();
  await page.getByTestId('seed').fill('77');

  await page.getByRole('button', { name: 'Presets' }).click();
  const dialog = page.getByRole('dialog', { name: 'Presets' });
  const name = dialog.getByLabel('Save the current settings as a preset');
  await name.fill('Night look');
  await name.press('Enter');
  const list = dialog.getByRole('list', { name: 'Saved presets' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('1080p · 10 s · 16:9 · Seed 77');
  await name.fill('NIGHT LOOK');
  await name.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('A preset called "NIGHT LOOK" already exists.');
  await page.keyboard.press('Escape');

  await page.getByRole('radio', { name: /^720p/ }).check();
  await page.getByRole('radio', { name: /^5 s/ }).check();
  await page.getByRole('radio', { name: 'Random' }).check();
  await page.getByRole('button', { name: 'Presets' }).click();
  await dialog.getByRole('button', { name: 'Apply Night look' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Preset “Night look” applied')).toBeVisible();
  await expect(page.getByRole('radio', { name: /^1080p/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^10 s/ })).toBeChecked();
  await expect(page.getByTestId('seed')).toHaveValue('77');

  await page.getByRole('button', { name: 'Presets' }).click();
  await dialog.getByRole('button', { name: 'Rename Night look' }).click();
  const rename = dialog.getByLabel('New name for Night look');
  await expect(rename).toBeFocused();
  await rename.fill('Evening 1080p');
  await rename.press('Enter');
  await expect(list.getByRole('listitem')).toContainText('Evening 1080p');
  expect((await host.core.api.presets.list()).map((preset) => preset.name)).toEqual(['Evening 1080p']);
  await dialog.getByRole('button', { name: 'Delete Evening 1080p' }).click();
  await expect(dialog.getByText('No presets yet.')).toBeVisible();
  expect(await host.core.api.presets.list()).toEqual([]);
});
