// Reference images for demo generations without S3 hosting. The demo simulator runs on this
// machine, so it can fetch a local file from a loopback server; no bucket is needed just to try
// image-to-video. Only files under the library's references/ folder are served, by their relative
// path, with the same path policy and file response as the media protocol. Real APIXO generations
// never use this: their images must be reachable from the internet.
import type { Server } from 'node:http';
import { fileResponse } from '../core/http/file-response';
import { READ_METHODS } from '../core/http/request-target';
import { createRoutedServer, listenOn } from '../core/http/routed-server';
import { webRoute } from '../core/http/web-route';
import type { ReferenceHost } from '../core/jobs/reference-host';
import type { GenerationRecord, LibraryStore } from '../core/library/types';
import { resolveLibraryFile } from './media-path';

const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class DemoReferenceHost {
  private server: Server | null = null;
  private origin: string | null = null;

  constructor(
    private readonly library: () => LibraryStore,
    private readonly now: () => number,
  ) {}

  async link(
    record: GenerationRecord,
    relPath = record.referenceImagePath,
  ): Promise<{ url: string; expiresAt: number }> {
    if (!relPath?.startsWith('references/')) throw new Error('this generation has no stored reference image');
    const origin = await this.start();
    return { url: `${origin}/${relPath}`, expiresAt: this.now() + LINK_LIFETIME_MS };
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async start(): Promise<string> {
    if (this.origin && this.server) return this.origin;
    const server = createRoutedServer({
      routes: [
        webRoute('/references/', READ_METHODS, async (request, target) => {
          const file = await resolveLibraryFile(this.library().root, target.pathname);
          return file.ok ? fileResponse(request, file) : new Response(file.reason, { status: file.status });
        }),
      ],
    });
    const port = await listenOn(server, 0);
    this.server = server;
    this.origin = `http://127.0.0.1:${port}`;
    return this.origin;
  }
}

/**
 * The engine's reference host: S3 hosting when it is set up; for demo generations without it,
 * the local server above.
 */
export function demoAwareHost(options: {
  hosting: ReferenceHost;
  demo: DemoReferenceHost;
  hostingReady: () => Promise<boolean>;
}): ReferenceHost {
  const useLocal = async (record: GenerationRecord) =>
    record.backend === 'demo' && !(await options.hostingReady());
  return {
    ensure: async (record, relPath) =>
      (await useLocal(record)) ? options.demo.link(record, relPath) : options.hosting.ensure(record, relPath),
    release: async (record) => {
      if (!(await useLocal(record))) await options.hosting.release(record);
    },
  };
}
