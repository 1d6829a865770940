// A generation's state as colour AND words (never colour alone), with a pulse while work is live.

import type { GenerationState } from '../../shared/domain/states';
import { useTranslation } from '../i18n/use-translation';

const TONE: Record<GenerationState, 'neutral' | 'active' | 'success' | 'danger' | 'warning' | 'muted'> = {
  queued: 'neutral',
  submitting: 'active',
  pending: 'active',
  processing: 'active',
  downloading: 'active',
  done: 'success',
  failed: 'danger',
  expired: 'danger',
  uncertain: 'warning',
  stalled: 'warning',
  held: 'warning',
  cancelled: 'muted',
};

export function StatePill({ state, offline }: { state: GenerationState; offline?: boolean }) {
  const { t } = useTranslation();
  if (offline) {
    return <span className="pill pill-muted">{t('states.waitingOffline')}</span>;
  }
  return (
    <span className={`pill pill-${TONE[state]}`}>
      {TONE[state] === 'active' ? <span className="pill-dot" aria-hidden="true" /> : null}
      {t(`states.${state}`)}
    </span>
  );
}
