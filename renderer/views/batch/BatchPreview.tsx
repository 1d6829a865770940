// What will be sent, before it is: the expanded prompts with their settings (a table of prompts ×
// setting combinations for a grid sweep, a list with line numbers for a file).
import type { TFunction } from 'i18next';
import type { BatchItem } from '../../../shared/batch/items';
import type { PlannedItem } from '../../../shared/batch/plan';
import { useTranslation } from '../../i18n/use-translation';
import type { BatchPreview as Preview } from '../../state/batch';

const SHOWN = 60;

function settingsOf(item: PlannedItem | BatchItem, t: TFunction): string {
  const { params } = item;
  return [
    params.resolution,
    t('generate.seconds', { count: params.duration }),
    params.aspectRatio,
    params.seed === undefined ? null : `#${params.seed}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function BatchPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  if (preview.items.length === 0) return null;
  const shown = preview.items.slice(0, SHOWN);
  return (
    <section className="batch-preview" aria-labelledby="batch-preview-title" data-testid="batch-preview">
      <h2 id="batch-preview-title" className="section-title">
        {t('batch.previewTitle', { count: preview.items.length })}
      </h2>
      <ol className="batch-preview-list">
        {shown.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the preview is rebuilt whole; an item is its position (prompts may repeat)
          <li key={`${index}-${item.params.prompt}`} className="batch-preview-item">
            <span className="batch-preview-index">{index + 1}</span>
            <span className="batch-preview-prompt">{item.params.prompt}</span>
            <span className="batch-preview-settings">{settingsOf(item, t)}</span>
          </li>
        ))}
      </ol>
      {preview.items.length > SHOWN ? (
        <p className="hint">{t('batch.previewMore', { count: preview.items.length - SHOWN })}</p>
      ) : null}
    </section>
  );
}
