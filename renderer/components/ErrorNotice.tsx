// An error in words: what happened, what to do, and the core's own detail for the curious.
import { useTranslation } from '../i18n/use-translation';
import { describeError } from '../lib/errors';
import { Button } from './Button';
import { Icon } from './Icon';
import { TechnicalDetails } from './TechnicalDetails';

export function ErrorNotice({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = describeError(t, error, i18n.language);
  const hasDetail = text.detail && text.detail !== text.title;
  return (
    <div className={compact ? 'notice notice-error notice-compact' : 'notice notice-error'} role="alert">
      <Icon name="alert" size={18} className="notice-icon" />
      <div className="notice-text">
        <strong>{text.title}</strong>
        <span>{text.action}</span>
        {hasDetail && text.detailReadable ? <span className="notice-detail">{text.detail}</span> : null}
        {hasDetail && !text.detailReadable ? (
          <TechnicalDetails detail={text.detail} className="notice-detail" />
        ) : null}
      </div>
      {onRetry ? (
        <Button size="sm" icon="refresh" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </div>
  );
}
