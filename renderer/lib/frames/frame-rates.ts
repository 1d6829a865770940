// Clips' frame rates, read once per file and remembered; the media engine (mediabunny) loads on
// demand, so callers that only sometimes need a rate (the sequence preview, a continuation's cut)
// do not pull it into their chunk.
const pending = new Map<string, Promise<number | null>>();
const known = new Map<string, number | null>();

/** The frame rate of the video at `url`; null when it cannot be read. */
export function frameRateOf(url: string): Promise<number | null> {
  let rate = pending.get(url);
  if (!rate) {
    rate = import('./frame-source')
      .then(({ probeFrameRate }) => probeFrameRate(url))
      .catch(() => null)
      .then((fps) => {
        known.set(url, fps);
        return fps;
      });
    pending.set(url, rate);
  }
  return rate;
}

/** The rate if it has been read already (null until then). */
export function knownFrameRate(url: string): number | null {
  return known.get(url) ?? null;
}
