// The question asked before money moves: the total when it is above the confirmation threshold,
// and finished twins when the same parameters and fixed seed were already paid for.

import { ConfirmDialog } from '../../components/Dialog';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { useBudget } from '../../state/budget';
import { openInLibrary } from '../queue/actions';

export function SpendPrompt() {
  const { t } = useTranslation();
  const question = useBudget((state) => state.question);
  const reply = useBudget((state) => state.reply);
  const total = question ? formatUsd(question.totalUsd) : '';
  return (
    <ConfirmDialog
      open={question !== null}
      title={
        question && question.duplicates.length > 0 && question.thresholdUsd === null
          ? t('budget.duplicateTitle')
          : t('budget.confirmTitle', { total })
      }
      confirmLabel={t('budget.confirmSend')}
      cancelLabel={t('budget.keepEditing')}
      onConfirm={() => reply(true)}
      onClose={() => reply(false)}
    >
      {question && question.thresholdUsd !== null ? (
        <p data-testid="spend-confirm-total">
          {t('budget.confirmTotal', {
            count: question.count,
            total,
            threshold: formatUsd(question.thresholdUsd),
          })}
        </p>
      ) : null}
      {question && question.duplicates.length > 0 ? (
        <div className="notice notice-warning" data-testid="duplicate-warning">
          <p>{t('budget.duplicateText', { count: question.duplicates.length })}</p>
          <ul className="duplicate-list">
            {question.duplicates.slice(0, 3).map((record) => (
              <li key={record.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    reply(false);
                    openInLibrary(record);
                  }}
                >
                  {t('budget.openDuplicate')} · {record.params.prompt.slice(0, 60)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
