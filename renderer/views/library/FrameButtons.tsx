// The two ways a frame of a video starts a new one: "Continue from last frame" (detail panel) and
// "Use this frame" (the viewer, at the frame it shows). Busy while the frame is being taken.

import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import type { IconName } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { continueFromLastFrame, startFromFrameAt, useFrameBusy } from '../../state/frames';

function FrameButton(props: {
  record: GenerationRecord;
  icon: IconName;
  what: 'continue' | 'useFrame';
  run(): void;
}) {
  const { t } = useTranslation();
  const busy = useFrameBusy((state) => state.busy.includes(props.record.id));
  return (
    <Button
      size="sm"
      icon={props.icon}
      busy={busy}
      disabled={busy}
      title={t(`frames.${props.what}Hint`)}
      data-testid={props.what === 'continue' ? 'continue-last-frame' : 'use-this-frame'}
      onClick={props.run}
    >
      {t(`frames.${props.what}`)}
    </Button>
  );
}

export function ContinueButton({ record }: { record: GenerationRecord }) {
  return (
    <FrameButton
      record={record}
      icon="film"
      what="continue"
      run={() => void continueFromLastFrame(record.id)}
    />
  );
}

/** `currentTime`: read when clicked (the viewer's video element is the truth, not a render-time copy). */
export function UseFrameButton({ record, currentTime }: { record: GenerationRecord; currentTime(): number }) {
  return (
    <FrameButton
      record={record}
      icon="image"
      what="useFrame"
      run={() => void startFromFrameAt(record.id, currentTime())}
    />
  );
}
