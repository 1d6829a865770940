// A poster that falls back to a placeholder when the file is missing (a library moved by hand, an
// import whose poster was never made), instead of the browser's broken-image icon.
import { type ReactNode, useState } from 'react';

export function PosterImage({ src, fallback }: { src: string | null; fallback: ReactNode }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) return <>{fallback}</>;
  return (
    <img src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(src)} />
  );
}
