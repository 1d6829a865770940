// Why a held generation waits, in the UI language, and what the user can do: release this one job
// past the cap, raise the cap (Settings), or — when it is staged — send it.
import { useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { attempt } from '../../lib/notify';
import { useApp } from '../../state/app';
import { releaseHeld } from '../../state/budget';
import { EditHeldDialog } from './EditHeldDialog';

const CAP_KEYS = {
  daily: 'budget.capDaily',
  monthly: 'budget.capMonthly',
  project: 'budget.capProject',
} as const;

export function HeldNotice({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const hold = record.hold;
  if (!hold) return null;
  if (hold.kind === 'staged') {
    return (
      <div className="held-notice" data-testid="staged-notice">
        <p className="queue-explain">{t('budget.stagedSentence')}</p>
        <div className="held-actions">
          <Button size="sm" onClick={() => setEditing(true)} data-testid="edit-held">
            {t('budget.edit')}
          </Button>
          <Button
            size="sm"
            tone="primary"
            icon="sparkles"
            onClick={() => void attempt(() => releaseHeld(record.id))}
          >
            {t('budget.send')}
          </Button>
        </div>
        {editing ? <EditHeldDialog record={record} onClose={() => setEditing(false)} /> : null}
      </div>
    );
  }
  return (
    <div className="held-notice" data-testid="held-notice">
      <p className="queue-explain warning">
        {t('budget.heldSentence', {
          cost: formatUsd(hold.costUsd),
          spent: formatUsd(hold.spentUsd),
          total: formatUsd(hold.spentUsd + hold.costUsd),
          over: formatUsd(hold.overByUsd),
          cap: t(CAP_KEYS[hold.cap]),
          capUsd: formatUsd(hold.capUsd),
        })}
      </p>
      <div className="held-actions">
        <Button
          size="sm"
          tone="primary"
          onClick={() => useApp.getState().setView('settings')}
          data-testid="raise-cap"
        >
          {t('budget.raiseCap')}
        </Button>
        <Button
          size="sm"
          onClick={() => void attempt(() => releaseHeld(record.id))}
          title={t('budget.releaseHint')}
          data-testid="release-held"
        >
          {t('budget.release')}
        </Button>
      </div>
    </div>
  );
}
