// The two ways a frame of a video starts a new one: "Continue from last frame" (detail panel and
// viewer) and "Use this frame" (the viewer, at the frame it shows).
import { useTranslation } from 'react-i18next';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { continueFromLastFrame, startFromFrameAt, useFrameBusy } from '../../state/frames';

export function ContinueButton({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const busy = useFrameBusy((state) => state.busy.includes(record.id));
  return (
    <Button
      size="sm"
      icon="film"
      busy={busy}
      disabled={busy}
      title={t('frames.continueHint')}
      data-testid="continue-last-frame"
      onClick={() => void continueFromLastFrame(record.id)}
    >
      {t('frames.continue')}
    </Button>
  );
}

/** `currentTime`: read when clicked (the viewer's video element is the truth, not a render-time copy). */
export function UseFrameButton({ record, currentTime }: { record: GenerationRecord; currentTime(): number }) {
  const { t } = useTranslation();
  const busy = useFrameBusy((state) => state.busy.includes(record.id));
  return (
    <Button
      size="sm"
      icon="image"
      busy={busy}
      disabled={busy}
      title={t('frames.useFrameHint')}
      data-testid="use-this-frame"
      onClick={() => void startFromFrameAt(record.id, currentTime())}
    >
      {t('frames.useFrame')}
    </Button>
  );
}
