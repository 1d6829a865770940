// Control tokens across a restart of the browser host: the next run on the same data folder
// accepts the previous run's token (so an open tab reconnects), only hashes reach the disk, and an
// old or unknown token opens nothing.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadControlTokens, SESSION_LIFETIME_MS } from '../../main/host/control-sessions';

let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('control tokens across restarts', () => {
  it('accepts the previous run’s token, writes only hashes, and forgets tokens past their lifetime', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wan-sessions-'));
    const file = join(dir, 'host-sessions.json');
    let now = Date.UTC(2026, 0, 1);
    const clock = () => now;

    const first = await loadControlTokens(file, clock);
    const second = await loadControlTokens(file, clock);
    expect(second.current).not.toBe(first.current);
    expect(second.accepts(second.current)).toBe(true);
    expect(second.accepts(first.current)).toBe(true);
    expect(second.accepts('not-a-token')).toBe(false);
    expect(second.accepts(null)).toBe(false);

    const written = await readFile(file, 'utf8');
    expect(written).not.toContain(first.current);
    expect(written).not.toContain(second.current);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);

    now += SESSION_LIFETIME_MS + 1;
    const later = await loadControlTokens(file, clock);
    expect(later.accepts(first.current)).toBe(false);
    expect(later.accepts(later.current)).toBe(true);
  });

  it('starts afresh from an unreadable file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wan-sessions-'));
    const file = join(dir, 'host-sessions.json');
    await writeFile(file, '{ not json');
    const tokens = await loadControlTokens(file);
    expect(tokens.accepts(tokens.current)).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8')).sessions).toHaveLength(1);
  });
});
