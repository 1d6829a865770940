// Demo mode: the balance is the simulator's pretend money, and it can be put back.
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { attempt } from '../../lib/notify';
import { resetDemoBalance } from '../../state/budget';

export function DemoBalanceReset() {
  const { t } = useTranslation();
  return (
    <div className="demo-balance">
      <span className="hint">{t('budget.demoMoney')}</span>
      <Button
        size="sm"
        tone="ghost"
        icon="refresh"
        onClick={() => void attempt(resetDemoBalance)}
        data-testid="reset-demo-balance"
      >
        {t('budget.resetDemo')}
      </Button>
    </div>
  );
}
