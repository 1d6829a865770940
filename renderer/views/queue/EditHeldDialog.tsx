// Staging: change a held generation's prompt, resolution or duration before anything is paid.
import { useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { DURATIONS, modelOf, RESOLUTIONS } from '../../../shared/domain/param-values';
import { estimateCostUsd } from '../../../shared/domain/pricing';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { succeeded } from '../../lib/notify';
import { editHeld } from '../../state/budget';

export function EditHeldDialog({ record, onClose }: { record: GenerationRecord; onClose(): void }) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState(record.params.prompt);
  const [resolution, setResolution] = useState(record.params.resolution);
  const [duration, setDuration] = useState(record.params.duration);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const ok = await succeeded(() => editHeld(record, { prompt: prompt.trim(), resolution, duration }));
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Dialog
      open
      width="md"
      title={t('budget.editTitle')}
      onClose={onClose}
      footer={
        <>
          <span className="cost-value">
            ≈ {formatUsd(estimateCostUsd(resolution, duration, 1, modelOf(record.params)))}
          </span>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            tone="primary"
            busy={busy}
            disabled={prompt.trim() === ''}
            onClick={() => void save()}
            data-testid="save-held"
          >
            {t('budget.save')}
          </Button>
        </>
      }
    >
      <Field label={t('generate.prompt')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={4}
            value={prompt}
            data-testid="held-prompt"
            onChange={(event) => setPrompt(event.target.value)}
          />
        )}
      </Field>
      <div className="options-row">
        <Segmented
          label={t('generate.resolution')}
          value={resolution}
          options={RESOLUTIONS.map((value) => ({ value, label: value }))}
          onChange={(value) => setResolution(value as typeof resolution)}
        />
        <Segmented
          label={t('generate.duration')}
          value={duration}
          options={DURATIONS.map((value) => ({ value, label: t('generate.seconds', { count: value }) }))}
          onChange={(value) => setDuration(value as typeof duration)}
        />
      </div>
    </Dialog>
  );
}
