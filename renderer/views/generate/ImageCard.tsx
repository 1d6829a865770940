// One added image: a preview, what main found (format, size in pixels and bytes), and what to do
// about it: nothing (ready), convert (too large, another format, animated), or replace (refused).

import { Button, IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes } from '../../lib/format';
import { mediaUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { type AddedImage, useImages } from './image-store';

// The library's media route serves only what a browser shows everywhere.
const PREVIEWABLE = new Set(['jpeg', 'png', 'webp']);
// What Chromium itself can draw from the dropped file (TIFF, HEIC and a PDF named .jpg it cannot).
const BROWSER_DRAWS = new Set(['jpeg', 'png', 'webp', 'gif', 'bmp', 'avif']);

export function ImageCard({ image }: { image: AddedImage }) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const { convert, remove } = useImages.getState();
  const inspection = image.inspection;
  const stored =
    inspection && PREVIEWABLE.has(inspection.format) ? mediaUrl(mediaBase, inspection.relPath) : null;
  const local = !inspection || BROWSER_DRAWS.has(inspection.format) ? image.localPreview : null;
  const preview = stored ?? local;
  const status = image.state === 'failed' ? 'refused' : (inspection?.status ?? 'checking');
  const facts = inspection
    ? [
        inspection.format === 'unknown' ? null : inspection.format.toUpperCase(),
        inspection.width && inspection.height ? `${inspection.width}×${inspection.height}` : null,
        formatBytes(inspection.bytes),
      ].filter(Boolean)
    : [];

  return (
    <li className="image-card" data-status={status} data-testid="image-card">
      <div className="image-thumb">
        {preview ? (
          <img src={preview} alt={t('images.previewOf', { name: image.label })} />
        ) : (
          <Icon name="image" size={22} />
        )}
      </div>
      <div className="image-info">
        <div className="image-head">
          <span className="image-name" title={image.label}>
            {inspection?.name ?? image.label}
          </span>
          <IconButton
            size="sm"
            icon="close"
            aria-label={t('images.remove', { name: image.label })}
            onClick={() => remove(image.key)}
          />
        </div>
        {facts.length > 0 ? (
          <p className="image-facts" data-testid="image-facts">
            {facts.join(' · ')}
          </p>
        ) : null}
        {image.state === 'checking' ? (
          <p className="image-note" role="status">
            <span className="spinner" aria-hidden="true" /> {t('images.checking')}
          </p>
        ) : null}
        {image.state === 'converting' ? (
          <p className="image-note" role="status">
            <span className="spinner" aria-hidden="true" /> {t('images.converting')}
          </p>
        ) : null}
        {image.error ? (
          <p className="image-note is-refused" role="alert" data-testid="image-problem">
            <Icon name="alert" size={14} /> {image.error}
          </p>
        ) : null}
        {image.state === 'checked' && inspection?.message ? (
          <p
            className={`image-note ${inspection.status === 'refused' ? 'is-refused' : inspection.status === 'ready' ? 'is-info' : 'is-warning'}`}
            role={inspection.status === 'refused' ? 'alert' : 'status'}
            data-testid="image-problem"
          >
            <Icon name={inspection.status === 'ready' ? 'info' : 'alert'} size={14} /> {inspection.message}
          </p>
        ) : null}
        {image.state === 'checked' && inspection?.status === 'ready' ? (
          <p className="image-note is-ok" data-testid="image-ready">
            <Icon name="check" size={14} />{' '}
            {inspection.convertedFrom
              ? t('images.convertedFrom', {
                  format: inspection.convertedFrom.format.toUpperCase(),
                  size: formatBytes(inspection.convertedFrom.bytes),
                })
              : inspection.sourceUrl
                ? t('images.readyLink')
                : t('images.readyUpload')}
          </p>
        ) : null}
        {image.state === 'checked' && inspection?.status === 'needs_conversion' ? (
          <Button
            size="sm"
            tone="primary"
            icon="refresh"
            onClick={() => void convert(image.key)}
            data-testid="image-convert"
          >
            {t('images.convert')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
