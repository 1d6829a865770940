// Hover-scrub: one frame of the video's strip sprite, chosen by where the pointer is across the
// card. Only a background-position changes as the pointer moves; nothing is decoded on hover.
import type { CSSProperties, MouseEvent } from 'react';
import { STRIP_FRAMES, stripFrameAt } from '../../../shared/domain/frames';

/** Which strip frame the pointer is over, from a mouse event on (or inside) the card. */
export function frameUnderPointer(event: MouseEvent<HTMLElement>): number {
  const rect = event.currentTarget.getBoundingClientRect();
  return stripFrameAt(rect.width > 0 ? (event.clientX - rect.left) / rect.width : 0);
}

export function ScrubFrame({ strip, index, ratio }: { strip: string; index: number; ratio: number }) {
  const style = {
    backgroundImage: `url("${strip}")`,
    backgroundPositionX: `${(index / (STRIP_FRAMES - 1)) * 100}%`,
    '--scrub-ratio': String(ratio),
  } as CSSProperties;
  return (
    <>
      <div
        className="card-scrub"
        style={style}
        data-testid="card-scrub"
        data-frame={index}
        aria-hidden="true"
      />
      <div className="card-scrub-bar" aria-hidden="true">
        <span style={{ width: `${((index + 1) / STRIP_FRAMES) * 100}%` }} />
      </div>
    </>
  );
}
