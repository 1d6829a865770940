// Which paths the UI may name, decided in one place and chosen by each host (issue 8, point 13).
// The contract's schema already refuses relative paths for every host. On top of that:
// - the browser host and the CLI: any absolute path (their user types paths, and owns the machine);
// - Electron: only paths main itself handed out (a dialog's answer) or that the preload vouched
//   for (webUtils.getPathForFile of a File the user dropped or chose). A renderer taken over by a
//   malicious page can then read or write nothing the user did not point at.
// Pure: no Electron, no fs.
import { normalize } from 'node:path';
import { isAbsolutePath } from '../../shared/contract/file-refs';
import { StudioError } from '../core/errors';

export interface PathPolicy {
  /** Remember paths the user pointed at (dialog results, dropped or chosen files). */
  grant(paths: readonly string[]): void;
  /** Throws a `forbidden` (or, for a relative path, `invalid_request`) StudioError when refused. */
  check(path: string): void;
}

/** `/a/./b/` and `/a/b` are one path; `..` is resolved, so it cannot walk out of a grant. */
function keyOf(path: string): string {
  const normalized = normalize(path);
  return normalized.replace(/[\\/]+$/, '') || normalized;
}

/** Granted paths are kept per session; a cap keeps a long session from growing the set forever. */
const MAX_GRANTS = 10_000;

function refuseRelative(path: string): void {
  if (!isAbsolutePath(path)) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `"${path}" is a relative path; Wan Studio needs the full path.`,
      reasonCode: 'relative_path',
      reasonParams: { path },
    });
  }
}

export function anyAbsolutePath(): PathPolicy {
  return { grant: () => {}, check: refuseRelative };
}

export function grantedPathsOnly(): PathPolicy {
  const granted = new Set<string>();
  return {
    grant(paths) {
      for (const path of paths) {
        if (!isAbsolutePath(path)) continue;
        const key = keyOf(path);
        granted.delete(key);
        granted.add(key);
        if (granted.size > MAX_GRANTS) granted.delete(granted.values().next().value as string);
      }
    },
    check(path) {
      refuseRelative(path);
      if (!granted.has(keyOf(path))) {
        throw new StudioError({
          kind: 'forbidden',
          userMessage: 'Wan Studio only opens files and folders you chose or dropped in this session.',
          detail: `path not granted: ${path}`,
        });
      }
    },
  };
}
