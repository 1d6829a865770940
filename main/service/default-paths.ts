// Where Wan Studio keeps things when nobody says otherwise: the same folders Electron would pick
// (app.getPath('userData') for "Wan Studio", and Videos/Wan Studio), so the CLI, the browser host
// and the desktop app share one library by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Wan Studio';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

export function defaultLibraryDir(): string {
  return join(homedir(), 'Videos', APP_FOLDER);
}
