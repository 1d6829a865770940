// The core's own English sentence, folded away: shown inline to English readers elsewhere, but in
// another UI language it waits behind a disclosure so nobody meets an untranslated line by surprise.
import { useTranslation } from '../i18n/use-translation';

export function TechnicalDetails({ detail, className }: { detail: string; className?: string }) {
  const { t } = useTranslation();
  if (!detail) return null;
  return (
    <details className={['technical-details', className].filter(Boolean).join(' ')}>
      <summary>{t('common.technicalDetails')}</summary>
      <span lang="en">{detail}</span>
    </details>
  );
}
