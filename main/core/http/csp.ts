// The one Content-Security-Policy of the UI. The app protocol sends it as a response header and the
// renderer's index.html repeats it in a meta tag (a test keeps them equal), so a page that somehow
// loads without the header is still covered. Media may come only from our own library protocol,
// which the UI also fetch()es (byte ranges of a video, for exact frames through WebCodecs).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: wan-media:",
  "media-src 'self' blob: wan-media:",
  "connect-src 'self' wan-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
