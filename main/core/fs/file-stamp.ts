// A time as it can stand in a file name on every system (no colons, no dots): for files kept aside.
export const fileStamp = (now: number): string => new Date(now).toISOString().replace(/[:.]/g, '-');
