// A tiny static file server with Range / If-Range, in a process of its own so that the client
// being measured (our downloader, or curl) has the CPU it would have against a real CDN. It can cut
// connections with a TCP reset once a chosen byte offset of the file has been sent.
//
// Driven over IPC: { type: 'start', file } → { type: 'started', url }; { type: 'resets', at } arms
// resets at those file offsets (each fires once); { type: 'stats' } → bytes sent.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let file = '';
let size = 0;
let resets: number[] = [];
let bytesSent = 0;
const ETAG = '"bench-file-1"';
const LAST_MODIFIED = new Date(0).toUTCString();

const server = createServer((req, res) => {
  let start = 0;
  let end = size - 1;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const ifRange = req.headers['if-range'];
  const honourRange = range && (ifRange === undefined || ifRange === ETAG || ifRange === LAST_MODIFIED);
  if (range && honourRange) {
    start = Number(range[1]);
    end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
  }
  const headers = {
    'content-length': String(end - start + 1),
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    etag: ETAG,
    'last-modified': LAST_MODIFIED,
  };
  if (range && honourRange) {
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}` });
  } else res.writeHead(200, headers);
  const cutAt = resets.find((offset) => offset > start && offset <= end);
  if (cutAt !== undefined) resets = resets.filter((offset) => offset !== cutAt);
  // Read (and so send) in 1 MiB pieces, not the default 64 KiB: the stand-in for a CDN should cost
  // this 2-core machine as little CPU as it can, since a real CDN costs it none (measured: undici
  // reading into nothing 2.4x faster than with 64 KiB pieces, curl unchanged).
  const stream = createReadStream(file, {
    start,
    end: cutAt === undefined ? end : cutAt - 1,
    highWaterMark: 1024 * 1024,
  });
  stream.on('data', (chunk) => {
    bytesSent += chunk.length;
  });
  if (cutAt === undefined) {
    stream.pipe(res);
    return;
  }
  stream.pipe(res, { end: false });
  // Everything up to the offset has been handed to the kernel; then the connection dies.
  stream.on('end', () => res.write('', () => res.socket?.resetAndDestroy()));
});

process.on('message', (message: { type: string; file?: string; at?: number[] }) => {
  if (message.type === 'start' && message.file) {
    file = message.file;
    size = statSync(file).size;
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      process.send?.({ type: 'started', url: `http://127.0.0.1:${port}/file.mp4` });
    });
  } else if (message.type === 'resets') {
    resets = [...(message.at ?? [])];
    process.send?.({ type: 'armed' });
  } else if (message.type === 'stats') {
    process.send?.({ type: 'stats', bytesSent, resetsLeft: resets.length });
  } else if (message.type === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
