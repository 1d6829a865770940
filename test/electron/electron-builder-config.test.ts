// electron-builder.yml, loaded and validated by electron-builder's own code (the same loader and
// JSON-schema validator `electron-builder` runs before packaging), then checked for the security
// and native-module settings we rely on. Packaging itself cannot run here (no network to fetch an
// Electron binary), so this is the gate for the file.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../main/electron/app-identity';
import pkg from '../../package.json' with { type: 'json' };

const root = process.cwd();
const loadConfig = (dir: string) => getConfig(dir, null, null);

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    const config = await loadConfig(root);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: an unknown key or a mistyped fuse is rejected', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wan-builder-'));
    try {
      await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
      const yml = await readFile(join(root, 'electron-builder.yml'), 'utf8');
      await writeFile(join(dir, 'electron-builder.yml'), yml.replace('runAsNode: false', 'runAsNod: false'));
      const config = await loadConfig(dir);
      await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(
        /configuration\.electronFuses/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('flips every security fuse the right way', async () => {
    const config = await loadConfig(root);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses the same identity as the app and package.json', async () => {
    const config = await loadConfig(root);
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
  });

  it('packs into an asar, unpacks every native addon we ship, and never rebuilds them', async () => {
    const config = await loadConfig(root);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    const unpack = [config.asarUnpack ?? []].flat();
    for (const addon of [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
      'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node',
      'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node',
      // sharp's addon dlopen()s libvips from the neighbouring package: it must be unpacked too.
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7',
    ]) {
      expect(
        unpack.some((pattern) => typeof pattern === 'string' && matchesGlob(addon, pattern)),
        addon,
      ).toBe(true);
    }
  });

  it('ships the built bundles the package.json main points at, and targets every desktop', async () => {
    const config = await loadConfig(root);
    // The loader normalises `files` into one FileSet whose filter holds the patterns.
    const files = [config.files ?? []]
      .flat()
      .flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry?.filter ?? []].flat()));
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/preload/**/*', 'dist/renderer/**/*']),
    );
    expect(pkg.main).toBe('dist/main/electron-main.js');
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});
