// settings.json from older versions keeps loading: a file written before image hosting existed
// gets the hosting defaults, and one bad hosting field does not reset the others.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsFile } from '../../main/service/settings-file';
import { DEFAULT_HOSTING_SETTINGS } from '../../shared/domain/hosting-settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(content: unknown): Promise<SettingsFile> {
  await writeFile(join(dir, 'settings.json'), JSON.stringify(content));
  const file = new SettingsFile(join(dir, 'settings.json'));
  await file.load();
  return file;
}

describe('SettingsFile', () => {
  it('loads a file from before image hosting, with the hosting defaults', async () => {
    const { imageHosting: _, ...older } = DEFAULT_SETTINGS;
    const file = await load({ settings: { ...older, theme: 'dark' }, libraryRoot: '/videos' });
    expect(file.settings.theme).toBe('dark');
    expect(file.settings.imageHosting).toEqual(DEFAULT_HOSTING_SETTINGS);
    expect(file.libraryRoot).toBe('/videos');
  });

  it('keeps the valid hosting fields when one is bad, and drops unknown ones', async () => {
    const file = await load({
      settings: {
        imageHosting: {
          endpoint: 'https://s3.example.com',
          bucket: 'refs',
          urlLifetimeSeconds: 99_999_999,
          futureField: true,
        },
      },
    });
    expect(file.settings.imageHosting).toEqual({
      ...DEFAULT_HOSTING_SETTINGS,
      endpoint: 'https://s3.example.com',
      bucket: 'refs',
    });
  });

  it('refuses an endpoint with credentials in it', async () => {
    const file = await load({ settings: {} });
    await expect(
      file.update({
        imageHosting: { ...DEFAULT_HOSTING_SETTINGS, endpoint: 'https://key:secret@s3.example.com' },
      }),
    ).rejects.toThrow(/without credentials/);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain('secret@');
  });

  it('keeps every change when several are saved at once (the file ends with all of them)', async () => {
    const file = await load({ settings: {}, libraryRoot: '/old' });
    await Promise.all([
      file.setHostingCredentialsScope('scope-a'),
      file.setLibraryRoot('/moved'),
      file.update({ theme: 'dark' }),
      file.setLibraryRoot('/moved-again'),
    ]);
    const reread = new SettingsFile(join(dir, 'settings.json'));
    await reread.load();
    expect(reread.hostingCredentialsScope).toBe('scope-a');
    expect(reread.libraryRoot).toBe('/moved-again');
    expect(reread.settings.theme).toBe('dark');
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).libraryRoot).toBe('/moved-again');
  });
});
