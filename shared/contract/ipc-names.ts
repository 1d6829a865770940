// The IPC names between the preload and main: one invoke channel per contract method
// ('studio:' + 'group.method'), one channel carrying every event, and one on which the preload
// tells main the paths of files the user dropped or chose (so main grants them). Nothing else crosses.
export const INVOKE_PREFIX = 'studio:';
export const EVENT_CHANNEL = 'studio-event';
export const GRANT_FILES_CHANNEL = 'studio-grant-files';

export function invokeChannel(contractChannel: string): string {
  return `${INVOKE_PREFIX}${contractChannel}`;
}
