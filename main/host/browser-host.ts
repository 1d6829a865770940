// The browser host: the whole studio in an ordinary browser. The core runs here in Node; the page
// (the same renderer Electron loads) talks to it over a loopback WebSocket guarded by a random
// control token; library media is served under a separate media-only token (see host-secrets).
// Used where no Electron binary exists, and by the Playwright specs. The command line
// (`node dist/node/host.js`) is entry.ts.
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/http/csp';
import { READ_METHODS } from '../core/http/request-target';
import { createRoutedServer, listenOn } from '../core/http/routed-server';
import { webRoute } from '../core/http/web-route';
import { IMPORT_STAGING_FOLDER } from '../core/library/import';
import { APP_VERSION } from '../service/app-version';
import { defaultLibraryDir } from '../service/default-paths';
import { headlessPlatform } from '../service/headless-platform';
import { type CoreExtras, createStudioCore } from '../service/studio-core';
import type { StudioCore } from '../service/types';
import { UploadStore } from '../service/upload-store';
import { afterCore, upgradeAfterCore } from './after-core';
import { loadControlTokens } from './control-sessions';
import { createSignInCodes, newSecret, secretsEqual, signInRoute } from './host-secrets';
import { rendererRoute } from './renderer-files';
import { createSocketBridge } from './socket-bridge';
import { serveMedia } from './static-files';
import { uploadRoute } from './upload-route';

// For the command line (entry.ts), which loads this module only to serve.
export { SIGN_IN_CODE_LIFETIME_MS } from './host-secrets';

export interface BrowserHostOptions extends CoreExtras {
  port?: number;
  userDataDir: string;
  libraryDir?: string;
  rendererDir?: string;
  /**
   * Called as soon as the server listens, before the core has finished starting (the page can
   * load meanwhile; its socket waits for the core). startBrowserHost resolves when both are done.
   */
  onListening?: (listening: Pick<BrowserHost, 'signInUrl' | 'origin' | 'token'>) => void;
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
  let core: StudioCore | null = null;
  const started = (): StudioCore => {
    if (!core) throw new Error('the studio core is still starting');
    return core;
  };
  // In the library's staging folder (same disk as the library, so an import is a local copy).
  const uploads = new UploadStore(() => join(started().library().root, IMPORT_STAGING_FOLDER));
  // The server listens before the core starts: the page's files, its sign-in and its JavaScript
  // load while the core opens the library, and what needs the core waits for it.
  let coreStarted: (created: StudioCore) => void = () => {};
  let coreFailed: (error: unknown) => void = () => {};
  const coreReady = new Promise<StudioCore>((resolve, reject) => {
    coreStarted = resolve;
    coreFailed = reject;
  });
  coreReady.catch(() => {}); // awaited below; requests that wait for it fail on their own
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const securityHeaders = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };

  const bridge = createSocketBridge({
    acceptsToken: tokens.accepts,
    allowedOrigin: () => origin,
    dispatch: (channel, argument) => started().dispatch(channel, argument),
    events: { on: (event, listener) => started().events.on(event, listener) },
    log: { warn: (message, fields) => core?.log.warn(message, fields) },
  });
  // One row per route, with the methods it takes; everything else is a 400, 404 or 405.
  const server: Server = createRoutedServer({
    routes: [
      signInRoute(codes, () => origin),
      afterCore(
        coreReady,
        uploadRoute({ acceptsToken: tokens.accepts, origin: () => origin, store: uploads }),
      ),
      afterCore(
        coreReady,
        webRoute('/media/', READ_METHODS, async (request, target) => {
          // "/media/<token>/<relPath>": only the media token, never the control token.
          const [, , given, ...rest] = target.pathname.split('/');
          return secretsEqual(mediaToken, given) && rest.length > 0
            ? serveMedia(request, started().library().root, `/${rest.join('/')}`)
            : new Response('Forbidden', { status: 403 });
        }),
      ),
      rendererRoute(rendererDir, securityHeaders),
    ],
    upgrades: [upgradeAfterCore(coreReady, bridge.upgrade)],
    onError: (route, error) => core?.log.error('browser host request failed', { route, error }),
  });
  const port = await listenOn(server, options.port ?? 0);
  origin = `http://127.0.0.1:${port}`;
  const signInUrl = () => `${origin}/#code=${codes.mint()}`;
  options.onListening?.({ signInUrl, origin, token });
  createStudioCore({
    ...options,
    defaultLibraryDir: options.libraryDir ?? defaultLibraryDir(),
    libraryDir: options.libraryDir,
    host: 'browser',
    // The origin is known once the port is; the getter keeps AppInfo correct.
    get mediaBaseUrl() {
      return `${origin}/media/${mediaToken}`;
    },
    platform: headlessPlatform((message) => core?.log.info(message)),
    version: APP_VERSION,
    uploads,
    watchFolders: {},
  }).then((created) => {
    core = created;
    coreStarted(created);
  }, coreFailed);
  try {
    await coreReady;
  } catch (error) {
    bridge.close();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    throw error;
  }

  return {
    signInUrl,
    origin,
    token,
    mediaToken,
    core: started(),
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await uploads.discardAll();
      await started().close();
    },
  };
}
