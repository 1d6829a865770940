// The browser host listens before its core has started (see startBrowserHost): these hold a
// request that needs the core until it is ready, and answer 503 if it never starts.
import type { Route, UpgradeRoute } from '../core/http/routed-server';
import { refuseUpgrade } from '../core/http/routed-server';

/** `route`, answered once `ready` settles (a 503 if the core failed to start). */
export function afterCore(ready: Promise<unknown>, route: Route): Route {
  return {
    path: route.path,
    methods: route.methods,
    async handle(request, response, target) {
      try {
        await ready;
      } catch {
        response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not started');
        return;
      }
      await route.handle(request, response, target);
    },
  };
}

/** The same for an upgrade: the socket is handed over once the core is ready, closed if it fails. */
export function upgradeAfterCore(ready: Promise<unknown>, route: UpgradeRoute): UpgradeRoute {
  return {
    path: route.path,
    methods: route.methods,
    handle(request, socket, head, target) {
      ready.then(
        () => {
          if (socket.destroyed) return;
          try {
            route.handle(request, socket, head, target);
          } catch {
            refuseUpgrade(socket, 500);
          }
        },
        () => refuseUpgrade(socket, 503),
      );
    },
  };
}
