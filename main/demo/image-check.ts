// What APIXO does with image_urls[0] once the task runs: fetch it (10 s, public or loopback) and
// make sure it is a JPEG, PNG or WebP of at most 10 MB. The bytes are judged by their magic
// numbers, never by the URL or Content-Type.
import { LIMITS } from '../../shared/domain/params';
import { REFERENCE_IMAGE_FORMATS, sniffImage } from '../core/media/image-sniff';

export type ImageCheckResult = { ok: true; detail: string } | { ok: false; detail: string };

export const IMAGE_FETCH_TIMEOUT_MS = 10_000;

export async function checkImageUrl(url: string, signal: AbortSignal): Promise<ImageCheckResult> {
  const fetched = await fetchAtMost(url, signal, LIMITS.imageMaxBytes);
  if (!fetched.ok) return fetched;
  const format = sniffImage(fetched.bytes).format;
  if (!REFERENCE_IMAGE_FORMATS.includes(format)) return { ok: false, detail: `not an image (${format})` };
  return { ok: true, detail: `${format}, ${fetched.bytes.length} bytes` };
}

/** GET the link as APIXO would (redirects, 10 s), refusing bodies over `limit`. */
export async function fetchAtMost(
  url: string,
  signal: AbortSignal,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; detail: string }> {
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.any([signal, AbortSignal.timeout(IMAGE_FETCH_TIMEOUT_MS)]),
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { ok: false, detail: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limit) {
      await response.body.cancel();
      return { ok: false, detail: `too large: Content-Length ${declared}` };
    }
    const bytes = await readAtMost(response.body, limit);
    return bytes ? { ok: true, bytes } : { ok: false, detail: `too large: more than ${limit} bytes` };
  } catch (error) {
    return { ok: false, detail: `fetch failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The whole body, or null as soon as it passes `limit` (the rest is never downloaded). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
