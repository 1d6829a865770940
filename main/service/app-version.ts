// The app's version, from package.json: the one place it is written (electron-builder reads it too).
import packageJson from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
