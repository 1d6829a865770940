// Which APIXO model to use. The choices and what each takes come from the capability table; a
// switch keeps what still fits and says, once, what had to change.
import { useState } from 'react';
import type { DroppedSetting } from '../../../shared/domain/model-switch';
import { MODEL_IDS, MODELS } from '../../../shared/domain/models';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { switchGenerateModel, useGenerate } from '../../state/generate';

export function ModelPicker() {
  const { t } = useTranslation();
  const model = useGenerate((state) => state.form.model);
  const [dropped, setDropped] = useState<DroppedSetting[]>([]);
  return (
    <div className="control-group model-picker">
      <Segmented
        label={t('models.label')}
        value={model}
        options={MODEL_IDS.map((id) => ({
          value: id,
          label: MODELS[id].label,
          hint: t(`models.hint.${id}`),
        }))}
        onChange={(next) => setDropped(switchGenerateModel(next))}
      />
      <p className="hint">{t(`models.hint.${model}`)}</p>
      {dropped.length > 0 ? (
        <p className="notice notice-info notice-compact" role="status" data-testid="model-dropped">
          {dropped
            .map((item) =>
              item.setting === 'audio'
                ? t('models.dropped.audio')
                : item.setting === 'promptTooLong'
                  ? t('models.dropped.promptTooLong', { max: item.max })
                  : t(`models.dropped.${item.setting}`, { from: item.from, to: item.to }),
            )
            .join(' ')}
        </p>
      ) : null}
    </div>
  );
}
