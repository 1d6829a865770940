// The poster to show for a record: the library's JPEG, or a frame captured here this session
// (and a capture is requested when there is neither, or when the hover-scrub strip is missing).
import { useEffect } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { mediaUrl, posterUrl, videoUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { cancelPoster, requestPoster, useLocalPosters } from './poster-capture';

export function usePoster(record: GenerationRecord): string | null {
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const videoId = record.video?.id;
  const local = useLocalPosters((state) => (videoId ? state.posters[videoId] : undefined));
  const localStrip = useLocalPosters((state) => (videoId ? state.strips[videoId] : undefined));
  const stored = posterUrl(mediaBase, record);
  const hasStrip = Boolean(record.video?.stripRelPath || localStrip);
  const video = videoUrl(mediaBase, record);
  useEffect(() => {
    if (!videoId || !video || ((stored || local) && hasStrip)) return;
    requestPoster(videoId, video, { poster: !(stored || local) });
    return () => cancelPoster(videoId);
  }, [videoId, video, stored, local, hasStrip]);
  // A frame captured this session is newer than the stored file (a regenerated thumbnail).
  return local ?? stored ?? null;
}

/** The hover-scrub sprite for a record: made here this session, or the library's. */
export function useStrip(record: GenerationRecord): string | null {
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const videoId = record.video?.id;
  const local = useLocalPosters((state) => (videoId ? state.strips[videoId] : undefined));
  return local ?? mediaUrl(mediaBase, record.video?.stripRelPath) ?? null;
}
