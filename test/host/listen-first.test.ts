// The browser host listens before its core has opened the library, so the page loads while the
// core starts. What is asked of it in that moment must be answered correctly once the core is
// there: the page's files at once, the socket (and its calls) and media after the core is ready;
// and a core that fails to start takes the server down with it instead of leaving a dead page.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import type { AppInfo } from '../../shared/contract/contract';
import { connect } from '../helpers/host-socket';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-listen-first-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>studio</title>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('browser host start-up', () => {
  it('serves the page, the socket and its calls to requests made the moment it listens', async () => {
    let early: Promise<[string, AppInfo]> | null = null;
    const host: BrowserHost = await startBrowserHost({
      userDataDir: join(dir, 'data'),
      libraryDir: join(dir, 'library'),
      rendererDir: join(dir, 'renderer'),
      forceDemo: true,
      secretService: `wan-studio-test-${process.pid}`,
      onListening(listening) {
        early = (async () => {
          const page = await fetch(`${listening.origin}/`).then((response) => response.text());
          const socket = await connect(listening);
          try {
            return [page, await socket.call<AppInfo>('app.info')] as [string, AppInfo];
          } finally {
            socket.close();
          }
        })();
      },
    });
    try {
      expect(early).not.toBeNull();
      const [page, info] = await (early as unknown as Promise<[string, AppInfo]>);
      expect(page).toContain('<title>studio</title>');
      expect(info.host).toBe('browser');
      expect(info.libraryRoot).toBe(join(dir, 'library'));
    } finally {
      await host.close();
    }
  });

  it('closes the server when the core cannot start, and says why', async () => {
    let origin = '';
    await expect(
      startBrowserHost({
        userDataDir: join(dir, 'data-bad'),
        libraryDir: join(dir, 'library-bad'),
        rendererDir: join(dir, 'renderer'),
        apiBaseUrl: 'not a url',
        secretService: `wan-studio-test-${process.pid}`,
        onListening(listening) {
          origin = listening.origin;
        },
      }),
    ).rejects.toThrow(/must be an http\(s\) URL/);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});
