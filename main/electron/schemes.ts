// Privileges of our two custom schemes, registered before `ready`.
// - The UI scheme is `standard` (real origin, relative URLs, localStorage) and `secure` (a secure
//   context). No `supportFetchAPI`: the UI never fetch()es its own files, and a fetch-capable custom
//   scheme without CORS is the cross-origin-read hole of the custom-protocol CVE (anchors §4.4).
// - The media scheme streams (`stream`, so <video> can seek with Range requests) and is
//   `corsEnabled` so a <video crossorigin> on the UI origin can be drawn onto a canvas. It also
//   `supportFetchAPI`, because exact frames are decoded with WebCodecs from byte ranges the UI
//   fetch()es (renderer/lib/frames, mediabunny's UrlSource). That is safe only with CORS: the
//   handler answers CORS for the UI origin alone, so any other origin's fetch is refused, and it
//   serves read-only media types from inside the library (service/media-path.ts).
import type { CustomScheme } from 'electron';
import { APP_SCHEME, MEDIA_SCHEME } from './app-identity';

export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, stream: true, corsEnabled: true, supportFetchAPI: true },
  },
];
