// The two IPC names between the preload and main: one invoke channel per contract method
// ('studio:' + 'group.method') and one channel carrying every event. Nothing else crosses.
export const INVOKE_PREFIX = 'studio:';
export const EVENT_CHANNEL = 'studio-event';

export function invokeChannel(contractChannel: string): string {
  return `${INVOKE_PREFIX}${contractChannel}`;
}
