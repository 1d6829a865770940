// Optional receiver for APIXO callbacks, on a loopback port that a user's tunnel forwards a public
// https URL to. A delivery is only a hint: we take nothing from it but the taskId, then ask APIXO
// ourselves with our key. Unsigned payloads (APIXO documents no signature) are never trusted, so
// a forged or duplicated delivery costs one status query and nothing else.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRoutedServer, listenOn, readBody } from '../http/routed-server';

const MAX_BODY_BYTES = 64 * 1024;

export interface CallbackReceiver {
  readonly port: number;
  readonly deliveries: number;
  close(): Promise<void>;
}

export function extractTaskId(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const data =
      parsed && typeof parsed === 'object' && 'data' in parsed ? (parsed as { data: unknown }).data : parsed;
    const taskId =
      data && typeof data === 'object' && 'taskId' in data ? (data as { taskId: unknown }).taskId : null;
    return typeof taskId === 'string' && /^[\w-]{1,200}$/.test(taskId) ? taskId : null;
  } catch {
    return null;
  }
}

export async function startCallbackReceiver(options: {
  port: number;
  onHint: (taskId: string) => void;
  host?: string;
}): Promise<CallbackReceiver> {
  let deliveries = 0;
  // APIXO posts to whatever path the user's tunnel forwards, so every path takes POST and only POST.
  const server: Server = createRoutedServer({
    routes: [
      {
        path: '/',
        methods: ['POST'],
        handle: async (request, response) => {
          const body = await readBody(request, response, MAX_BODY_BYTES);
          if (body === null) return;
          // Answer 200 at once: APIXO retries anything slower than 30 s, and we act on our own query.
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          const taskId = extractTaskId(body.toString('utf8'));
          if (taskId) {
            deliveries++;
            options.onHint(taskId);
          }
        },
      },
    ],
  });
  await listenOn(server, options.port, options.host);
  return {
    get port() {
      return (server.address() as AddressInfo).port;
    },
    get deliveries() {
      return deliveries;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
