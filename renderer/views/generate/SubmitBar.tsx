// Cost before you pay, then the button. The estimate uses APIXO's published per-second prices and
// says so: routing and promotions can change the real charge.
import { useTranslation } from 'react-i18next';
import { estimateCostUsd, priceIsKnown } from '../../../shared/domain/pricing';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatUsd } from '../../lib/format';
import { useApp } from '../../state/app';
import { useGenerate } from '../../state/generate';
import { BATCH_MAX, BATCH_MIN } from './field-errors';

export function SubmitBar({
  submitting,
  error,
  images = 1,
}: {
  submitting: boolean;
  error: unknown;
  /** Image-to-video: each added image makes `count` videos. */
  images?: number;
}) {
  const { t } = useTranslation();
  const form = useGenerate((state) => state.form);
  const demo = useApp((state) => state.info?.demoMode);
  const count =
    (Number.isInteger(form.count) ? Math.min(Math.max(form.count, BATCH_MIN), BATCH_MAX) : 1) * images;
  const cost = estimateCostUsd(form.resolution, form.duration, count, form.model);
  const known = priceIsKnown(form.resolution, form.model);
  const isMac = navigator.platform.toLowerCase().includes('mac');
  return (
    <div className="submit-bar">
      {error ? <ErrorNotice error={error} compact /> : null}
      <div className="cost" data-testid="cost">
        <span className="cost-value">≈ {formatUsd(cost)}</span>
        <span className="cost-note">
          {count > 1 ? t('generate.costForCount', { count }) : null}
          {known ? t('generate.costNote') : t('models.priceUnknown')}
        </span>
        {demo ? <span className="cost-demo">{t('generate.costDemo')}</span> : null}
      </div>
      <Button
        type="submit"
        tone="primary"
        size="lg"
        icon="sparkles"
        busy={submitting}
        className="submit-button"
        data-testid="submit"
      >
        {count > 1 ? t('generate.submitCount', { count }) : t('generate.submit')}
        <kbd className="kbd">{isMac ? '⌘↵' : 'Ctrl+↵'}</kbd>
      </Button>
    </div>
  );
}
