// Recipes in the browser host. "Rebuild library from folder" from Settings → Library (the database
// is there but the user wants it rebuilt) and from the "library damaged" screen (the database is not
// a database any more); Export… from the detail panel writes a copy carrying the recipe. The
// library is made with the real core: videos with sidecars, curation and a project. Screenshots
// (light/dark × en/ru) go to artifacts/screenshots/rebuild-*.png.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { openLibrary } from '../../main/core/library/library';
import { SidecarKeeper } from '../../main/core/library/sidecar-keeper';
import { DEFAULT_MEDIA_DIR } from '../../main/demo/options';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import { readSidecarText } from '../../shared/domain/sidecar';
import { addClipVideo } from '../helpers/library-videos';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');
const CLIP = join(DEFAULT_MEDIA_DIR, 'clip-16x9.mp4');

let dir = '';
let host: BrowserHost | null = null;
test.afterEach(async ({ page }) => {
  await page.close();
  await host?.close();
  host = null;
  await rm(dir, { recursive: true, force: true });
});

/** A library folder with three videos, each with its sidecar, one curated and in a project. */
async function makeLibrary(root: string): Promise<string[]> {
  const library = openLibrary({ root });
  const project = library.createProject('Harbour');
  const ids: string[] = [];
  for (const prompt of [
    'a harbour at dawn, gulls',
    'fishing boats leaving the harbour',
    'night lights on the water',
  ]) {
    ids.push(addClipVideo(library, prompt, { clip: CLIP, projectId: project.id, seed: 99 }));
  }
  library.setTags(ids[0] ?? '', ['dawn']);
  library.setRating(ids[0] ?? '', 5);
  // One of them was sent from here (the others came in as files): the caps' record of it comes over.
  library.updateGeneration(ids[1] ?? '', { submittedAt: Date.now() - 60_000 });
  const keeper = new SidecarKeeper({
    library: () => library,
    app: 'e2e',
    log: { warn() {}, info() {} },
    now: () => Date.now(),
  });
  keeper.touch(ids);
  await keeper.flush();
  library.close();
  return ids;
}

/**
 * keep: a sound library; damage: its database is not a database; damaged-table: one table the
 * rebuild carries over (reference images) is not what it should be.
 */
async function start(
  theme: 'light' | 'dark',
  language: 'en' | 'ru',
  spoil: 'keep' | 'damage' | 'damaged-table',
) {
  delete process.env.APIXO_API_KEY;
  dir = await mkdtemp(join(tmpdir(), 'wan-e2e-rebuild-'));
  const root = join(dir, 'Wan Library');
  const ids = await makeLibrary(root);
  if (spoil === 'damage') writeFileSync(join(root, '.wanstudio', 'library.db'), 'this is not a database');
  if (spoil === 'damaged-table') {
    const db = new BetterSqlite3(join(root, '.wanstudio', 'library.db'));
    db.exec('DROP TABLE reference_images; CREATE TABLE reference_images (sha256 TEXT PRIMARY KEY)');
    db.close();
  }
  mkdirSync(join(dir, 'data'));
  writeFileSync(
    join(dir, 'data', 'settings.json'),
    JSON.stringify({ settings: { theme, language }, libraryRoot: root }),
  );
  host = await startBrowserHost({
    userDataDir: join(dir, 'data'),
    forceDemo: true,
    secretService: `wan-studio-e2e-rebuild-${process.pid}`,
  });
  return { host, root, ids };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, name) });
}

const words = {
  en: {
    action: 'Rebuild library from folder',
    confirm: 'Rebuild',
    summary: '3 restored with their recipe, 0 as imported videos.',
  },
  ru: {
    action: 'Восстановить библиотеку из папки',
    confirm: 'Восстановить',
    summary: 'С рецептом восстановлено: 3, как импортированные: 0.',
  },
};

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, language)) continue;
    test(`rebuild from Settings → Library (${theme}, ${language})`, async ({ page }) => {
      const { host, root, ids } = await start(theme, language, 'damaged-table');
      await page.goto(host.signInUrl());
      await page.getByTestId('nav-settings').click();
      const rebuild = page.getByTestId('rebuild-library');
      await rebuild.scrollIntoViewIfNeeded();
      await rebuild.getByRole('button', { name: words[language].action }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await shoot(page, `rebuild-confirm-${theme}-${language}.png`);
      await dialog.getByRole('button', { name: words[language].confirm, exact: true }).click();
      await expect(page.getByTestId('rebuild-result')).toContainText(words[language].summary);
      // What came over from the old database is listed only when something did ("presets: 0" is noise).
      await expect(page.getByTestId('rebuild-result')).not.toContainText(
        language === 'en' ? 'presets: 0' : 'пресеты: 0',
      );
      await expect(page.getByTestId('rebuild-result')).toContainText(
        language === 'en' ? 'records of paid sends: 1' : 'записи об оплаченных отправках: 1',
      );
      // The one part that could not be read is named, in the UI language.
      await expect(page.getByTestId('carry-over-failed')).toHaveText(
        language === 'en'
          ? 'Could not be read from the previous database, so these start empty: reference images and audio.'
          : 'Не удалось перенести из прежней базы (начнутся заново): референсы (изображения и аудио).',
      );
      await page.getByTestId('rebuild-result').scrollIntoViewIfNeeded();
      await shoot(page, `rebuild-result-${theme}-${language}.png`);

      // The old database is kept aside; every generation is back with its curation and project.
      expect(
        readdirSync(join(root, '.wanstudio')).some((name) => name.startsWith('library.db.before-rebuild-')),
      ).toBe(true);
      const first = await host.core.api.generations.get({ id: ids[0] ?? '' });
      expect(first).toMatchObject({
        tags: ['dawn'],
        rating: 5,
        params: { prompt: 'a harbour at dawn, gulls', seed: 99 },
      });
      expect(
        (await host.core.api.projects.list()).map((project) => [project.name, project.generationCount]),
      ).toEqual([['Harbour', 3]]);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, language)) continue;
    test(`a damaged library offers the rebuild and opens the studio on it (${theme}, ${language})`, async ({
      page,
    }) => {
      const { host } = await start(theme, language, 'damage');
      await page.goto(host.signInUrl());
      const screen = page.getByTestId('library-unavailable');
      await expect(screen).toHaveAttribute('data-kind', 'library_corrupt');
      await expect(screen.getByTestId('rebuild-library')).toBeVisible();
      await shoot(page, `rebuild-damaged-${theme}-${language}.png`);
      await screen.getByRole('button', { name: words[language].action }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: words[language].confirm, exact: true })
        .click();
      await expect(screen).toHaveCount(0);
      await page.getByTestId('nav-library').click();
      await expect(page.locator('.card')).toHaveCount(3);
      expect(existsSync(join(dir, 'Wan Library', '.wanstudio', 'library.db'))).toBe(true);
    });
  }
}

test('Export… from the detail panel writes a copy carrying the recipe (ffprobe reads it)', async ({
  page,
}) => {
  const { host, ids } = await start('light', 'en', 'keep');
  const out = join(dir, 'exports');
  await page.goto(host.signInUrl());
  await page.getByTestId('nav-library').click();
  await page.locator(`[data-id="${ids[0]}"] .card-hit`).click();
  const panel = page.getByTestId('detail-panel');
  await panel.getByRole('button', { name: 'Export…' }).click();
  await page.getByTestId('folder-input').fill(out);
  await page.getByTestId('folder-input').press('Enter');
  await expect(page.getByText('1 video copied with its recipe')).toBeVisible();
  const [file] = readdirSync(out);
  const tags = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_format', '-of', 'json', join(out, file ?? '')], {
      encoding: 'utf8',
    }),
  ).format.tags as Record<string, string>;
  expect(readSidecarText(tags.comment ?? '')).toMatchObject({
    ok: true,
    sidecar: {
      generation: { id: ids[0], params: { prompt: 'a harbour at dawn, gulls', seed: 99 } },
      project: { name: 'Harbour' },
    },
  });
});
