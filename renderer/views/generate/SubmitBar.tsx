// Cost before you pay, then the button. The estimate uses APIXO's published per-second prices and
// says so: it counts only what will be sent (estimate.ts), and says that how routing changes the
// price is not published.

import { priceIsKnown } from '../../../shared/domain/pricing';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { useApp } from '../../state/app';
import { useGenerate } from '../../state/generate';
import type { Estimate } from './estimate';

export function SubmitBar({
  submitting,
  error,
  estimate,
}: {
  submitting: boolean;
  error: unknown;
  estimate: Estimate;
}) {
  const { t } = useTranslation();
  const form = useGenerate((state) => state.form);
  const provider = form.provider;
  const demo = useApp((state) => state.info?.demoMode);
  const count = estimate.videos;
  const known = priceIsKnown(form.resolution, form.model);
  const isMac = navigator.platform.toLowerCase().includes('mac');
  return (
    <div className="submit-bar">
      {error ? <ErrorNotice error={error} compact /> : null}
      <div className="cost" data-testid="cost">
        {estimate.usd === null ? (
          <span className="cost-note" data-testid="cost-none">
            {t('generate.costNone')}
          </span>
        ) : (
          <>
            <span className="cost-value">≈ {formatUsd(estimate.usd)}</span>
            <span className="cost-note">
              {count !== null && count > 1 ? t('generate.costForCount', { count }) : null}
              {known ? t('generate.costNote') : t('models.priceUnknown')}
            </span>
          </>
        )}
        {estimate.refused > 0 ? (
          <span className="cost-note" data-testid="cost-refused">
            {t('generate.costRefused', { count: estimate.refused })}
          </span>
        ) : null}
        {estimate.notReady > 0 ? (
          <span className="cost-note">{t('generate.costNotReady', { count: estimate.notReady })}</span>
        ) : null}
        <span className="cost-note" data-testid="cost-routing">
          {t(provider === 'auto' ? 'generate.costRoutingAuto' : 'generate.costRouting')}
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
        {count !== null && count > 1 ? t('generate.submitCount', { count }) : t('generate.submit')}
        <kbd className="kbd">{isMac ? '⌘↵' : 'Ctrl+↵'}</kbd>
      </Button>
    </div>
  );
}
