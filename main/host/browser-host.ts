// The browser host: the whole studio in an ordinary browser. The core runs here in Node; the page
// (the same renderer Electron loads) talks to it over a loopback WebSocket guarded by a random
// control token; library media is served under a separate media-only token (see host-secrets).
// Used where no Electron binary exists, and by the Playwright specs.
//
//   node dist/node/host.js [--port 0] [--data DIR] [--library DIR] [--demo] [--demo-balance USD]
//                          [--demo-time-scale F] [--open]
// prints "Wan Studio is running at http://127.0.0.1:PORT/#code=…" (a one-time sign-in link; press
// Enter in the terminal for another) and serves until Ctrl+C.
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStudioError } from '../core/errors';
import { CONTENT_SECURITY_POLICY } from '../core/http/csp';
import { READ_METHODS } from '../core/http/request-target';
import { createRoutedServer, listenOn } from '../core/http/routed-server';
import { webRoute } from '../core/http/web-route';
import { IMPORT_STAGING_FOLDER } from '../core/library/import';
import { APP_VERSION } from '../service/app-version';
import { parseCommandLine } from '../service/command-line';
import { defaultLibraryDir, defaultUserDataDir } from '../service/default-paths';
import { headlessPlatform } from '../service/headless-platform';
import { type CoreExtras, createStudioCore } from '../service/studio-core';
import type { StudioCore } from '../service/types';
import { UploadStore } from '../service/upload-store';
import { loadControlTokens } from './control-sessions';
import {
  createSignInCodes,
  newSecret,
  SIGN_IN_CODE_LIFETIME_MS,
  secretsEqual,
  signInRoute,
} from './host-secrets';
import { createSocketBridge } from './socket-bridge';
import { serveMedia, serveRenderer } from './static-files';
import { uploadRoute } from './upload-route';

export interface BrowserHostOptions extends CoreExtras {
  port?: number;
  userDataDir: string;
  libraryDir?: string;
  rendererDir?: string;
}

export interface BrowserHost {
  /** A link to open in a browser, with a fresh one-time sign-in code in the fragment. */
  signInUrl(): string;
  readonly origin: string;
  /** The control token: opens the WebSocket. Never printed, logged or put in a URL. */
  readonly token: string;
  /** Reads library files under /media/<mediaToken>/ and nothing else. */
  readonly mediaToken: string;
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
  // A tab of a previous run (same data folder) reconnects with its token after a restart.
  const tokens = await loadControlTokens(join(options.userDataDir, 'host-sessions.json'));
  const token = tokens.current;
  const mediaToken = newSecret();
  const codes = createSignInCodes(token);
  let origin = '';
  // In the library's staging folder (same disk as the library, so an import is a local copy).
  const uploads = new UploadStore(() => join(core.library().root, IMPORT_STAGING_FOLDER));
  const core = await createStudioCore({
    ...options,
    defaultLibraryDir: options.libraryDir ?? defaultLibraryDir(),
    libraryDir: options.libraryDir,
    host: 'browser',
    // The origin is known once the port is; the getter keeps AppInfo correct.
    get mediaBaseUrl() {
      return `${origin}/media/${mediaToken}`;
    },
    platform: headlessPlatform((message) => core.log.info(message)),
    version: APP_VERSION,
    uploads,
    watchFolders: {},
  });
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const securityHeaders = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };

  const bridge = createSocketBridge({
    acceptsToken: tokens.accepts,
    allowedOrigin: () => origin,
    dispatch: core.dispatch,
    events: core.events,
    log: core.log,
  });
  // One row per route, with the methods it takes; everything else is a 400, 404 or 405.
  const server: Server = createRoutedServer({
    routes: [
      signInRoute(codes, () => origin),
      uploadRoute({ acceptsToken: tokens.accepts, origin: () => origin, store: uploads }),
      webRoute('/media/', READ_METHODS, async (request, target) => {
        // "/media/<token>/<relPath>": only the media token, never the control token.
        const [, , given, ...rest] = target.pathname.split('/');
        return secretsEqual(mediaToken, given) && rest.length > 0
          ? serveMedia(request, core.library().root, `/${rest.join('/')}`)
          : new Response('Forbidden', { status: 403 });
      }),
      webRoute('/', READ_METHODS, (request) => serveRenderer(request, rendererDir, securityHeaders)),
    ],
    upgrades: [bridge.upgrade],
    onError: (route, error) => core.log.error('browser host request failed', { route, error }),
  });
  const port = await listenOn(server, options.port ?? 0);
  origin = `http://127.0.0.1:${port}`;

  return {
    signInUrl: () => `${origin}/#code=${codes.mint()}`,
    origin,
    token,
    mediaToken,
    core,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await uploads.discardAll();
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

const HOST_OPTIONS = {
  port: { type: 'string' },
  data: { type: 'string' },
  library: { type: 'string' },
  demo: { type: 'boolean' },
  'demo-balance': { type: 'string' },
  'demo-time-scale': { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HOST_USAGE = `Usage: node dist/node/host.js [options]

Runs Wan Studio in your browser: a server on this computer (loopback only) and a one-time sign-in link.

Options
  --port N              port to listen on (default: any free port)
  --data DIR            settings and logs folder
  --library DIR         library folder (and its database)
  --demo                use the built-in APIXO simulator even when a key is set
  --demo-balance USD    the simulator's starting balance (pretend money)
  --demo-time-scale X   simulator durations × X (0.15: a 720p clip takes about 9 s)
  --open                open the sign-in link in the default browser
  --help                this text`;

async function runFromCommandLine(): Promise<void> {
  const { values } = parseCommandLine(process.argv.slice(2), HOST_OPTIONS, 'host.js --help');
  if (values.help) {
    process.stdout.write(`${HOST_USAGE}\n`);
    return;
  }
  const host = await startBrowserHost({
    port: Number(values.port ?? 0),
    userDataDir: values.data ?? defaultUserDataDir(),
    libraryDir: values.library,
    forceDemo: values.demo ?? false,
    demo: {
      balanceUsd: values['demo-balance'] === undefined ? undefined : Number(values['demo-balance']),
      timeScale: values['demo-time-scale'] === undefined ? undefined : Number(values['demo-time-scale']),
    },
  });
  const info = await host.core.info();
  // Each link carries a one-time code, never the control token: the one the launcher gets (its
  // argv is visible to everyone in `ps`) is a different code from the one printed here.
  process.stdout.write(`Wan Studio is running at ${host.signInUrl()}\n`);
  process.stdout.write(
    `Library: ${info.libraryRoot}${info.demoMode ? '  (demo mode: no API key set)' : ''}\n`,
  );
  if (info.libraryProblem) process.stdout.write(`${info.libraryProblem.message}\n`);
  if (values.open) openInBrowser(host.signInUrl());
  if (process.stdin.isTTY) {
    const minutes = SIGN_IN_CODE_LIFETIME_MS / 60_000;
    process.stdout.write(`Each link works once, for ${minutes} minutes. Press Enter for a new one.\n`);
    process.stdin.on('data', () => process.stdout.write(`${host.signInUrl()}\n`));
  }
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('host.js') || entry.endsWith('browser-host.ts')) {
  runFromCommandLine().catch((error: unknown) => {
    const message = isStudioError(error)
      ? error.userMessage
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`wan-studio host: ${message}\n`);
    process.exit(1);
  });
}
