// The PlatformAdapter for hosts without a desktop shell (the CLI, the browser host): no native
// dialogs, so the UI falls back to typed paths; "reveal" and "open" report what they would do.
import { StudioError } from '../core/errors';
import type { PlatformAdapter } from './types';

export function headlessPlatform(log: (message: string) => void = () => {}): PlatformAdapter {
  const unsupported = (what: string) =>
    new StudioError({
      kind: 'invalid_request',
      userMessage: `${what} is only available in the desktop app.`,
    });
  return {
    chooseFolder: async () => null,
    chooseVideos: async () => [],
    revealFile: async (path) => {
      log(`file: ${path}`);
      return false;
    },
    startDrag: async () => {
      throw unsupported('Dragging a video out');
    },
    openExternal: async (url) => log(`open: ${url}`),
  };
}
