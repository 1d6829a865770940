// The reference image an image-to-video generation was made from, from the library's own copy
// (kept even when the link it was sent by has expired or was deleted).

import type { GenerationRecord } from '../../../shared/contract/contract';
import { useTranslation } from '../../i18n/use-translation';
import { mediaUrl } from '../../lib/media';
import { useApp } from '../../state/app';

const SHOWABLE = /\.(jpe?g|png|webp)$/i;

export function ReferenceImage({ record, compact }: { record: GenerationRecord; compact?: boolean }) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const path = record.referenceImagePath;
  if (record.params.mode !== 'image-to-video' || !path || !SHOWABLE.test(path)) return null;
  const src = mediaUrl(mediaBase, path);
  if (!src) return null;
  const alt = t('images.referenceOf', { prompt: record.params.prompt.slice(0, 60) });
  if (compact) return <img className="reference-thumb" src={src} alt={alt} data-testid="reference-thumb" />;
  return (
    <section className="detail-section" data-testid="reference-image">
      <h3>{t('images.reference')}</h3>
      <img className="reference-image" src={src} alt={alt} />
      <p className="hint">
        {record.imageSource === 'hosted' ? t('images.sentByUpload') : t('images.sentByLink')}
      </p>
    </section>
  );
}
