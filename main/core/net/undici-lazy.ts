// undici costs ~0.3 s to import. Commands that never touch the network (the CLI's `list`, `--help`)
// must not pay for it, so every runtime use goes through this one memoised dynamic import.
let loading: Promise<typeof import('undici')> | undefined;

export function loadUndici(): Promise<typeof import('undici')> {
  loading ??= import('undici');
  return loading;
}
