// The IPC names between the preload and main: one invoke channel per contract method
// ('studio:' + 'group.method'), one channel carrying every event, one on which the preload tells
// main the paths of files the user dropped or chose (so main grants them), and one carrying the
// bytes of a file that has no path (made in the page). Nothing else crosses.
export const INVOKE_PREFIX = 'studio:';
export const EVENT_CHANNEL = 'studio-event';
export const GRANT_FILES_CHANNEL = 'studio-grant-files';
export const SEND_BYTES_CHANNEL = 'studio-send-bytes';

export function invokeChannel(contractChannel: string): string {
  return `${INVOKE_PREFIX}${contractChannel}`;
}
