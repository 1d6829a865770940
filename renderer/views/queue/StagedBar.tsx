// Staging: every staged generation sent together with one action that shows the total first.
import { useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { attempt } from '../../lib/notify';
import { sendHeld } from '../../state/budget';

export function StagedBar({ active }: { active: GenerationRecord[] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const staged = active.filter((record) => record.hold?.kind === 'staged');
  if (staged.length === 0) return null;
  const total = staged.reduce((sum, record) => sum + record.estimatedCostUsd, 0);
  return (
    <div className="staged-bar" data-testid="staged-bar">
      <strong>{t('budget.stagedTitle')}</strong>
      <Button
        tone="primary"
        icon="sparkles"
        busy={busy}
        data-testid="send-all-held"
        onClick={async () => {
          setBusy(true);
          await attempt(() => sendHeld(staged));
          setBusy(false);
        }}
      >
        {t('budget.sendAll', { count: staged.length, total: formatUsd(total) })}
      </Button>
    </div>
  );
}
