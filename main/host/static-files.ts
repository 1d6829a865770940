// Serves library media to the browser host, with the same file response (Range support) and path
// policy as the Electron shell, so both hosts serve files the same way. The renderer's own files
// are renderer-files.ts.

import { fileResponse } from '../core/http/file-response';
import { resolveLibraryFile } from '../service/media-path';

export async function serveMedia(request: Request, libraryRoot: string, pathname: string): Promise<Response> {
  const resolved = await resolveLibraryFile(libraryRoot, pathname);
  if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
  return fileResponse(request, resolved);
}
