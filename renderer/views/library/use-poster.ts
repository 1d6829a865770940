// The poster to show for a record: the library's JPEG, or a frame captured here this session
// (and a capture is requested when there is neither).
import { useEffect } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { posterUrl, videoUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { cancelPoster, requestPoster, useLocalPosters } from './poster-capture';

export function usePoster(record: GenerationRecord): string | null {
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const videoId = record.video?.id;
  const local = useLocalPosters((state) => (videoId ? state.local[videoId] : undefined));
  const stored = posterUrl(mediaBase, record);
  const video = videoUrl(mediaBase, record);
  useEffect(() => {
    if (!videoId || !video || stored || local) return;
    requestPoster(videoId, video);
    return () => cancelPoster(videoId);
  }, [videoId, video, stored, local]);
  // A frame captured this session is newer than the stored file (a regenerated thumbnail).
  return local ?? stored ?? null;
}
