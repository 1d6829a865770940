// Reference images for demo generations without S3 hosting. The demo simulator runs on this
// machine, so it can fetch a local file from a loopback server; no bucket is needed just to try
// image-to-video. Only files under the library's references/ folder are served, by their relative
// path, with the same path policy and file response as the media protocol. Real APIXO generations
// never use this: their images must be reachable from the internet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReferenceHost } from '../core/jobs/reference-host';
import type { GenerationRecord, LibraryStore } from '../core/library/types';
import { fileResponse } from '../electron/file-response';
import { sendWebResponse, toWebRequest } from '../host/static-files';
import { resolveLibraryFile } from './media-path';

const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class DemoReferenceHost {
  private server: Server | null = null;
  private origin: string | null = null;

  constructor(
    private readonly library: () => LibraryStore,
    private readonly now: () => number,
  ) {}

  async link(record: GenerationRecord): Promise<{ url: string; expiresAt: number }> {
    const relPath = record.referenceImagePath;
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
    const server = createServer((request, response) => {
      const web = toWebRequest(request, 'http://127.0.0.1');
      const pathname = new URL(web.url).pathname;
      const answer = pathname.startsWith('/references/')
        ? resolveLibraryFile(this.library().root, pathname).then((file) =>
            file.ok ? fileResponse(web, file) : new Response(file.reason, { status: file.status }),
          )
        : Promise.resolve(new Response('Not found', { status: 404 }));
      answer.then((result) => sendWebResponse(result, response)).catch(() => response.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    ensure: async (record) =>
      (await useLocal(record)) ? options.demo.link(record) : options.hosting.ensure(record),
    release: async (record) => {
      if (!(await useLocal(record))) await options.hosting.release(record);
    },
  };
}
