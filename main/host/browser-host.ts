// The browser host: the whole studio in an ordinary browser. The core runs here in Node; the page
// (the same renderer Electron loads) talks to it over a loopback WebSocket guarded by a random
// token. Used where no Electron binary exists, and by the Playwright specs.
//
//   node dist/node/host.js [--port 0] [--data DIR] [--library DIR] [--demo] [--demo-balance USD]
//                          [--demo-time-scale F] [--seed-synthetic N] [--open]
// prints "Wan Studio is running at http://127.0.0.1:PORT/#token=…" and serves until Ctrl+C.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedSyntheticLibrary } from '../core/library/synthetic';
import { CONTENT_SECURITY_POLICY } from '../electron/csp';
import { defaultLibraryDir, defaultUserDataDir } from '../service/default-paths';
import { createDispatcher } from '../service/dispatch';
import { headlessPlatform } from '../service/headless-platform';
import { type CoreExtras, createStudioCore } from '../service/studio-core';
import type { StudioCore } from '../service/types';
import { attachSocketBridge } from './socket-bridge';
import { sendWebResponse, serveMedia, serveRenderer, toWebRequest } from './static-files';
import { handleUpload, UPLOAD_PATH } from './upload-route';
import { UploadStore } from './upload-store';

export const VERSION = '0.1.0';

export interface BrowserHostOptions extends CoreExtras {
  port?: number;
  userDataDir: string;
  libraryDir?: string;
  rendererDir?: string;
  /** Fill the library with N synthetic generations first (UI scale tests). */
  seedSynthetic?: number;
}

export interface BrowserHost {
  /** Open this in a browser: it carries the session token in the fragment. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly core: StudioCore;
  close(): Promise<void>;
}

export function defaultRendererDir(): string {
  // dist/node/host.js → dist/renderer; from source (vitest/Playwright) main/host → dist/renderer.
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(join('dist', 'node'))
    ? resolve(here, '..', 'renderer')
    : resolve(here, '..', '..', 'dist', 'renderer');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  // Under the library's data area (same disk as the library, so an import is a local copy).
  const uploads = new UploadStore(() => join(core.library().root, '.wanstudio', 'uploads'));
  const core = await createStudioCore({
    ...options,
    defaultLibraryDir: options.libraryDir ?? defaultLibraryDir(),
    libraryDir: options.libraryDir,
    host: 'browser',
    // The origin is known once the port is; the getter keeps AppInfo correct.
    get mediaBaseUrl() {
      return `${origin}/media/${token}`;
    },
    platform: headlessPlatform((message) => core.log.info(message)),
    version: VERSION,
    uploads,
  });
  await uploads.clear();
  if (options.seedSynthetic) seedSyntheticLibrary(core.library(), options.seedSynthetic);
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const securityHeaders = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };

  const server: Server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname === UPLOAD_PATH) {
      handleUpload(request, response, { token, origin, store: uploads }).catch((error: unknown) => {
        core.log.error('upload failed', { error });
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    const web = toWebRequest(request, origin);
    const pathname = new URL(web.url).pathname;
    const mediaPrefix = `/media/${token}/`;
    const answer = pathname.startsWith('/media/')
      ? pathname.startsWith(mediaPrefix)
        ? serveMedia(web, core.library().root, pathname.slice(mediaPrefix.length - 1))
        : Promise.resolve(new Response('Forbidden', { status: 403 }))
      : serveRenderer(web, rendererDir, securityHeaders);
    answer
      .then((result) => sendWebResponse(result, response))
      .catch((error: unknown) => {
        core.log.error('browser host request failed', { path: pathname, error });
        if (!response.headersSent) response.writeHead(500).end();
      });
  });
  const bridge = attachSocketBridge({
    server,
    token,
    allowedOrigin: () => origin,
    dispatch: createDispatcher(core.handlers, core.log),
    events: core.events,
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    core,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await uploads.clear();
      await core.close();
    },
  };
}

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

async function runFromCommandLine(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      library: { type: 'string' },
      demo: { type: 'boolean' },
      'demo-balance': { type: 'string' },
      'demo-time-scale': { type: 'string' },
      'seed-synthetic': { type: 'string' },
      open: { type: 'boolean' },
    },
  });
  const host = await startBrowserHost({
    port: Number(values.port ?? 0),
    userDataDir: values.data ?? defaultUserDataDir(),
    libraryDir: values.library,
    forceDemo: values.demo ?? false,
    demo: {
      balanceUsd: values['demo-balance'] === undefined ? undefined : Number(values['demo-balance']),
      timeScale: values['demo-time-scale'] === undefined ? undefined : Number(values['demo-time-scale']),
    },
    seedSynthetic: values['seed-synthetic'] === undefined ? undefined : Number(values['seed-synthetic']),
  });
  const info = await host.core.info();
  process.stdout.write(`Wan Studio is running at ${host.url}\n`);
  process.stdout.write(
    `Library: ${info.libraryRoot}${info.demoMode ? '  (demo mode: no API key set)' : ''}\n`,
  );
  if (values.open) openInBrowser(host.url);
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('host.js') || entry.endsWith('browser-host.ts')) {
  runFromCommandLine().catch((error: unknown) => {
    process.stderr.write(`wan-studio host: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
