// Loaded with `node --import` into a real Wan Studio child process (dist/node/host.js) so that a
// test can SIGKILL it at an exact point of a library move. It changes no behaviour except:
//   - rename(WAN_TEST_FROM → WAN_TEST_TO) fails with EXDEV, as between two disks, so the move
//     takes the copy path on this one disk;
//   - at WAN_TEST_PAUSE_AT it writes WAN_TEST_MARK and never returns, waiting for the SIGKILL:
//       copy   — after a few entries of the library were copied (a partial copy exists);
//       switch — just before settings.json is replaced by one naming WAN_TEST_TO;
//       remove — while the old folder is being removed (its database is already gone).
import { readFileSync, writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';

const { WAN_TEST_FROM: from, WAN_TEST_TO: to, WAN_TEST_PAUSE_AT: pauseAt, WAN_TEST_MARK: mark } = process.env;

function pauseForKill(phase) {
  writeFileSync(mark, phase);
  return new Promise(() => {});
}

const original = { cp: fsp.cp, rename: fsp.rename, rm: fsp.rm };

fsp.rename = async (source, target) => {
  if (source === from && target === to) {
    throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${source}'`), {
      code: 'EXDEV',
    });
  }
  if (pauseAt === 'switch' && String(target).endsWith('settings.json')) {
    if (readFileSync(source, 'utf8').includes(JSON.stringify(to))) await pauseForKill('switch');
  }
  return original.rename(source, target);
};

fsp.cp = (source, target, options = {}) => {
  if (pauseAt !== 'copy' || source !== from) return original.cp(source, target, options);
  let entries = 0;
  return original.cp(source, target, {
    ...options,
    filter: async (...args) => {
      entries += 1;
      if (entries === 6) await pauseForKill('copy');
      return options.filter ? options.filter(...args) : true;
    },
  });
};

fsp.rm = async (path, options) => {
  if (pauseAt === 'remove' && path === from && options?.recursive) {
    await original.rm(join(from, '.wanstudio'), { recursive: true, force: true });
    await pauseForKill('remove');
  }
  return original.rm(path, options);
};

syncBuiltinESMExports();
