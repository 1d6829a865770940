// "Hold before sending": new generations are staged in the queue until the user sends them.

import { Switch } from '../../components/Switch';
import { useTranslation } from '../../i18n/use-translation';
import { useBudget } from '../../state/budget';

export function HoldToggle() {
  const { t } = useTranslation();
  const hold = useBudget((state) => state.holdNext);
  const setHold = useBudget((state) => state.setHoldNext);
  return (
    <div className="hold-toggle" data-testid="hold-toggle">
      <Switch
        label={t('budget.holdNext')}
        description={t('budget.holdNextHint')}
        checked={hold}
        onChange={setHold}
      />
    </div>
  );
}
