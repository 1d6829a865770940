// Serves library files on wan-media://library/<relPath>, read from whatever the library root is at
// the moment of the request (the user can move the library while the app runs).

import { fileResponse } from '../core/http/file-response';
import { checkMethod, parseAbsoluteUrl, READ_METHODS } from '../core/http/request-target';
import { resolveLibraryFile } from '../service/media-path';
import { APP_ORIGIN, MEDIA_HOST, MEDIA_SCHEME } from './app-identity';

// Only our UI may read media cross-origin (drawing frames on a canvas, fetching byte ranges to
// decode them); any other origin gets an opaque response it cannot read. The frame decoder reads a
// range's Content-Range to learn the file's size, so the UI may see it.
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': APP_ORIGIN,
  'Access-Control-Expose-Headers': 'Content-Range, Accept-Ranges',
  Vary: 'Origin',
};

export function createMediaProtocolHandler(
  libraryRoot: () => string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const method = checkMethod(request.method, READ_METHODS);
    if (!method.ok) {
      return new Response(null, { status: method.status, headers: { ...CORS_HEADERS, Allow: method.allow } });
    }
    const url = parseAbsoluteUrl(request.url);
    if (!url) return new Response(null, { status: 400, headers: CORS_HEADERS });
    if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== MEDIA_HOST) {
      return new Response(null, { status: 404, headers: CORS_HEADERS });
    }
    const file = await resolveLibraryFile(libraryRoot(), url.pathname);
    if (!file.ok) return new Response(null, { status: file.status, headers: CORS_HEADERS });
    return fileResponse(request, file, CORS_HEADERS);
  };
}
