// Two to four videos side by side on one transport (same frame, same speed). With two, an A/B
// wipe lays one over the other and a slider moves the seam.
import { useEffect, useRef, useState } from 'react';
import { Button, IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { videoUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { titleOf } from '../../state/bulk-actions';
import { useCompare } from '../../state/compare';
import { PlaybackControls, transportKey } from './PlaybackControls';
import { useVideoGroup } from './use-video-group';

export function CompareView() {
  const records = useCompare((state) => state.records);
  return records ? <CompareOverlay key={records.map((record) => record.id).join()} /> : null;
}

function CompareOverlay() {
  const { t } = useTranslation();
  const records = useCompare((state) => state.records) ?? [];
  const close = useCompare((state) => state.close);
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const group = useVideoGroup();
  const [wipe, setWipe] = useState(false);
  const [seam, setSeam] = useState(50);
  const ref = useRef<HTMLDivElement>(null);

  // Focus moves in on open and back to where it was on close.
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => returnTo?.focus?.();
  }, []);

  const canWipe = records.length === 2;
  return (
    <div
      ref={ref}
      className="overlay compare"
      role="dialog"
      aria-modal="true"
      aria-label={t('compare.title', { count: records.length })}
      tabIndex={-1}
      data-testid="compare"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
        else if (transportKey(event, group)) event.preventDefault();
      }}
    >
      <header className="overlay-head">
        <h2>{t('compare.title', { count: records.length })}</h2>
        {canWipe ? (
          <Button size="sm" aria-pressed={wipe} onClick={() => setWipe(!wipe)}>
            {t('compare.wipe')}
          </Button>
        ) : null}
        <IconButton icon="close" aria-label={t('compare.close')} onClick={close} />
      </header>
      {wipe && canWipe ? (
        <div className="compare-wipe" data-testid="compare-wipe">
          {records.map((record, index) => (
            <video
              key={record.id}
              ref={group.attach(index)}
              src={videoUrl(mediaBase, record) ?? undefined}
              muted
              playsInline
              preload="auto"
              aria-label={`${index === 0 ? 'A' : 'B'}: ${titleOf(record)}`}
              style={index === 1 ? { clipPath: `inset(0 0 0 ${seam}%)` } : undefined}
            />
          ))}
          <input
            className="wipe-seam"
            type="range"
            min={0}
            max={100}
            value={seam}
            aria-label={t('compare.seam')}
            onChange={(event) => setSeam(Number(event.target.value))}
          />
        </div>
      ) : (
        <div className="compare-grid" data-count={records.length}>
          {records.map((record, index) => (
            <figure key={record.id} className="compare-cell">
              <video
                ref={group.attach(index)}
                src={videoUrl(mediaBase, record) ?? undefined}
                muted
                playsInline
                preload="auto"
                data-testid="compare-video"
              />
              <figcaption title={titleOf(record)}>{titleOf(record)}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <PlaybackControls group={group} />
    </div>
  );
}
