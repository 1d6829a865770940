// The desktop abilities the core asks of its host (main/service/types.ts PlatformAdapter), done
// with Electron: native dialogs, reveal in the file manager, drag a file out, open a web link.
import { existsSync } from 'node:fs';
import {
  type BrowserWindow,
  dialog,
  type NativeImage,
  nativeImage,
  type OpenDialogOptions,
  shell,
} from 'electron';
import { StudioError } from '../core/errors';
import { safeExternalUrl } from '../core/net/external-url';
import type { PlatformAdapter } from '../service/types';
import { APP_ICON_DATA_URL } from './icon';
import { posterPathFor } from './poster-path';

const DRAG_ICON_WIDTH = 160;

function dragIcon(videoPath: string): NativeImage {
  const poster = posterPathFor(videoPath);
  if (poster && existsSync(poster)) {
    const image = nativeImage.createFromPath(poster);
    if (!image.isEmpty()) return image.resize({ width: DRAG_ICON_WIDTH });
  }
  return nativeImage.createFromDataURL(APP_ICON_DATA_URL);
}

async function openDialog(window: BrowserWindow | null, options: OpenDialogOptions): Promise<string[]> {
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export function createElectronPlatform(mainWindow: () => BrowserWindow | null): PlatformAdapter {
  return {
    async chooseFolder(title) {
      const [folder] = await openDialog(mainWindow(), {
        title: title ?? 'Choose a folder',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      return folder ?? null;
    },
    chooseVideos() {
      return openDialog(mainWindow(), {
        title: 'Import videos',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'MP4 video', extensions: ['mp4'] }],
      });
    },
    async revealFile(absolutePath) {
      shell.showItemInFolder(absolutePath);
      return true;
    },
    async startDrag(absolutePath) {
      const window = mainWindow();
      if (!window || window.isDestroyed()) return;
      window.webContents.startDrag({ file: absolutePath, icon: dragIcon(absolutePath) });
    },
    async openExternal(url) {
      const safeUrl = safeExternalUrl(url);
      if (!safeUrl) {
        throw new StudioError({
          kind: 'invalid_request',
          userMessage: 'Only web links (http or https) can be opened from Wan Studio.',
          detail: 'openExternal refused a non-http(s) URL',
        });
      }
      await shell.openExternal(safeUrl);
    },
  };
}
