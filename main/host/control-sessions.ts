// Control tokens that outlive a restart of the browser host. A tab keeps its token (in
// sessionStorage) and reconnects by itself; without this, a host restarted on the same port had a
// new token, refused the tab, and the tab sat on stale rows. Each run issues a fresh token and
// also accepts the tokens of recent runs on the same data folder. Only a SHA-256 of each token is
// written (mode 0600): the file opens nothing by itself, so reading the data folder still does not
// give anyone the studio.
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newSecret, secretsEqual } from './host-secrets';

/** A tab left open longer than this (with the host stopped) signs in again with a new link. */
export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Runs remembered at most: a restart loop must not grow the file without end. */
const MAX_SESSIONS = 16;

interface StoredSession {
  hash: string;
  lastUsedAt: number;
}

export interface ControlTokens {
  /** This run's token: handed out for sign-in codes. */
  readonly current: string;
  /** This run's token, or one of a recent run's (which stays valid while it is used). */
  accepts(given: string | null | undefined): boolean;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

async function readSessions(file: string): Promise<StoredSession[]> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: number; sessions?: unknown };
    if (parsed.version !== 1 || !Array.isArray(parsed.sessions)) return [];
    return parsed.sessions.filter(
      (entry): entry is StoredSession =>
        typeof entry?.hash === 'string' && Number.isFinite(entry?.lastUsedAt),
    );
  } catch {
    return []; // none yet, or unreadable: every open tab signs in again, nothing else is lost
  }
}

export async function loadControlTokens(file: string, now: () => number = Date.now): Promise<ControlTokens> {
  const current = newSecret();
  const sessions = (await readSessions(file)).filter(
    (entry) => now() - entry.lastUsedAt < SESSION_LIFETIME_MS,
  );
  sessions.push({ hash: digest(current), lastUsedAt: now() });
  sessions.sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  sessions.splice(MAX_SESSIONS);
  let writing = Promise.resolve();
  const save = () => {
    writing = writing
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        const temp = `${file}.tmp`;
        await writeFile(temp, JSON.stringify({ version: 1, sessions }), { mode: 0o600 });
        await rename(temp, file);
      })
      .catch(() => {
        // best effort: without the file a restart only asks open tabs to sign in again
      });
    return writing;
  };
  await save();
  return {
    current,
    accepts(given) {
      if (secretsEqual(current, given)) return true;
      if (!given) return false;
      const hash = Buffer.from(digest(given));
      const found = sessions.find((entry) => {
        const stored = Buffer.from(entry.hash);
        return stored.length === hash.length && timingSafeEqual(stored, hash);
      });
      if (!found || now() - found.lastUsedAt >= SESSION_LIFETIME_MS) return false;
      found.lastUsedAt = now();
      void save();
      return true;
    },
  };
}
