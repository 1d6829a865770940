import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_BACKGROUND, windowBackground } from '../../main/electron/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/dist/preload/preload.cjs',
    backgroundColor: '#101114',
    devTools: false,
  });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and dangerous features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('uses our preload and the devTools flag it was given', () => {
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(
      mainWindowOptions({ preloadPath: 'p', backgroundColor: '#000', devTools: true }).webPreferences
        ?.devTools,
    ).toBe(true);
  });

  it('is hidden until ready, sized sensibly, painted with the given background', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe('#101114');
    expect(options.title).toBe('Wan Studio');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('sets exactly the reviewed web preferences, nothing more', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('windowBackground', () => {
  it('follows the theme setting, and the system only when the setting says so', () => {
    expect(windowBackground('dark', false)).toBe(WINDOW_BACKGROUND.dark);
    expect(windowBackground('light', true)).toBe(WINDOW_BACKGROUND.light);
    expect(windowBackground('system', true)).toBe(WINDOW_BACKGROUND.dark);
    expect(windowBackground('system', false)).toBe(WINDOW_BACKGROUND.light);
  });
});
