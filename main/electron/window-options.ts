// The main window's options, decided in one pure function so a test can hold every security
// preference in place (Electron security checklist items 2-4, 6, 8-10; anchors §4.1).
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Settings } from '../../shared/contract/contract';
import { PRODUCT_NAME } from './app-identity';

export interface MainWindowInputs {
  /** Absolute path of dist/preload/preload.cjs. */
  preloadPath: string;
  backgroundColor: string;
  /** Off in packaged builds: a stranger at the keyboard should not get a console into the UI. */
  devTools: boolean;
}

export const WINDOW_BACKGROUND = { dark: '#101114', light: '#f6f6f8' } as const;

/** Painted before the UI's first frame, so the window does not flash white in dark mode. */
export function windowBackground(theme: Settings['theme'], systemPrefersDark: boolean): string {
  const dark = theme === 'dark' || (theme === 'system' && systemPrefersDark);
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

export function mainWindowOptions(inputs: MainWindowInputs): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 620,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    backgroundColor: inputs.backgroundColor,
    webPreferences: {
      preload: inputs.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      devTools: inputs.devTools,
    },
  };
}
