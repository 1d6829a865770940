// The one request guard every loopback server is built on: target parsing, the route table's
// 400/404/405 verdicts, and a handler failure that costs one request, not the server.
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../../main/core/http/request-target';
import { createRoutedServer, listenOn, matchRoute } from '../../../main/core/http/routed-server';
import { startCallbackReceiver } from '../../../main/core/jobs/callback-receiver';
import { rawExchange, statusOf } from '../../helpers/host-process';

describe('parseRequestTarget', () => {
  it('takes origin-form targets only', () => {
    expect(parseRequestTarget('/a/b%20c?x=1')).toMatchObject({ pathname: '/a/b%20c' });
    expect(parseRequestTarget('/a?x=1')?.searchParams.get('x')).toBe('1');
    for (const bad of [
      undefined,
      '',
      '*',
      'a/b',
      'http://[',
      'http://127.0.0.1/',
      '//host/x',
      '%%%',
      '\\\\x',
    ])
      expect(parseRequestTarget(bad), String(bad)).toBeNull();
  });
});

describe('matchRoute', () => {
  const routes = [
    { path: '/ws', methods: ['GET'] },
    { path: '/files/', methods: ['GET', 'HEAD'] },
  ];
  it('gives 400 for a malformed target, 404 for no route, 405 with Allow for a wrong method', () => {
    expect(matchRoute(routes, 'GET', 'http://[')).toEqual({ ok: false, status: 400 });
    expect(matchRoute(routes, 'GET', '/other')).toEqual({ ok: false, status: 404 });
    expect(matchRoute(routes, 'GET', '/ws/x')).toEqual({ ok: false, status: 404 });
    expect(matchRoute(routes, 'TRACE', '/files/a')).toEqual({ ok: false, status: 405, allow: 'GET, HEAD' });
    expect(matchRoute(routes, 'GET', '/files/a?b')).toMatchObject({ ok: true, route: routes[1] });
  });
});

describe('a routed server', () => {
  let server: Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
  });

  it('turns a throwing or rejecting handler into a 500 and keeps serving', async () => {
    const failures: string[] = [];
    server = createRoutedServer({
      routes: [
        {
          path: '/throws',
          methods: ['GET'],
          handle: () => {
            throw new Error('sync');
          },
        },
        {
          path: '/rejects',
          methods: ['GET'],
          handle: async () => {
            throw new Error('async');
          },
        },
        {
          path: '/ok',
          methods: ['GET'],
          handle: (_request, response) => {
            response.end('fine');
          },
        },
      ],
      onError: (route) => failures.push(route),
    });
    const port = await listenOn(server, 0);
    const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;
    expect(statusOf(await rawExchange(port, get('/throws')))).toBe(500);
    expect(statusOf(await rawExchange(port, get('/rejects')))).toBe(500);
    expect(statusOf(await rawExchange(port, get('/ok')))).toBe(200);
    expect(failures).toEqual(['/throws', '/rejects']);
  });
});

describe('the callback receiver', () => {
  it('refuses other methods, malformed targets and garbage, and still takes deliveries', async () => {
    const hints: string[] = [];
    const receiver = await startCallbackReceiver({ port: 0, onHint: (taskId) => hints.push(taskId) });
    try {
      const send = (text: string) => rawExchange(receiver.port, text).then(statusOf);
      expect(await send('TRACE / HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(405);
      expect(await send('POST http://[ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n')).toBe(400);
      expect(await send('\u0001 garbage\r\n\r\n')).toBe(400);
      const body = JSON.stringify({ data: { taskId: 'task-1' } });
      expect(
        await send(
          `POST /hook HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        ),
      ).toBe(200);
      expect(hints).toEqual(['task-1']);
    } finally {
      await receiver.close();
    }
  });
});
