// The frame rate of the video at `url`, read from its file once it is shown (null until then, or
// when it cannot be read: callers fall back to Wan's 24 fps).
import { useEffect, useState } from 'react';
import { probeFrameRate } from './frame-source';

export function useFrameRate(url: string | null): number | null {
  const [rate, setRate] = useState<{ url: string; fps: number | null } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    void probeFrameRate(url).then((fps) => {
      if (live) setRate({ url, fps });
    });
    return () => {
      live = false;
    };
  }, [url]);
  return rate?.url === url ? rate.fps : null;
}
