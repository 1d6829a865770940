// The parameters that matter at a glance, as small chips.

import type { GenerationRecord } from '../../../shared/contract/contract';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';

export function ParamChips({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const { params } = record;
  return (
    <ul className="chips" aria-label={t('queue.parameters')}>
      <li className="chip">
        {params.mode === 'image-to-video' ? t('generate.imageToVideo') : t('generate.textToVideo')}
      </li>
      <li className="chip">{params.resolution}</li>
      <li className="chip">{t('generate.seconds', { count: params.duration })}</li>
      {params.aspectRatio ? <li className="chip">{params.aspectRatio}</li> : null}
      {params.seed !== undefined ? (
        <li className="chip chip-mono">{t('queue.seedChip', { seed: params.seed })}</li>
      ) : null}
      <li className="chip">≈ {formatUsd(record.estimatedCostUsd)}</li>
    </ul>
  );
}
