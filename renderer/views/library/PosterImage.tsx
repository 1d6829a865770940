// A poster that falls back to a placeholder when the file is missing (a library moved by hand, an
// import whose poster was never made), instead of the browser's broken-image icon.
import { type ReactNode, useState } from 'react';

// Posters that failed to load recently: the grid mounts and unmounts cards as it scrolls, and a
// missing poster must not be asked for again every time its card comes back (a fast scroll
// through a library of missing files made a thousand failing requests). After RETRY_AFTER_MS it is
// tried again, in case the file was made since; bounded, so a long session cannot grow it forever.
const RETRY_AFTER_MS = 60_000;
const FAILED_MAX = 20_000;
const failedPosters = new Map<string, number>();
function rememberFailed(src: string): void {
  if (failedPosters.size >= FAILED_MAX) failedPosters.clear();
  failedPosters.set(src, Date.now());
}
function failedRecently(src: string): boolean {
  const at = failedPosters.get(src);
  return at !== undefined && Date.now() - at < RETRY_AFTER_MS;
}

export function PosterImage({ src, fallback }: { src: string | null; fallback: ReactNode }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src || failedRecently(src)) return <>{fallback}</>;
  return (
    <img
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => {
        rememberFailed(src);
        setFailed(src);
      }}
    />
  );
}
