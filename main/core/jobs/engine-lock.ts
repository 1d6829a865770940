// One engine per library. The desktop app and a CLI run on the same library must not both drive
// its jobs: two pollers would be wasteful, and one could mistake the other's in-flight submit
// for a crash. A lock file holds the owner's pid; a lock left by a dead process is taken over.
import { open, readFile, rm } from 'node:fs/promises';

export interface EngineLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns the lock, or the pid of the live process that holds it. */
export async function acquireEngineLock(path: string): Promise<EngineLock | { heldBy: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.sync();
      await handle.close();
      return {
        release: async () => {
          const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
          if (owner === process.pid) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner))
      return { heldBy: owner };
    await rm(path, { force: true }); // stale: its owner died (e.g. killed mid-job)
  }
  throw new Error(`Could not take the engine lock at ${path}`);
}
