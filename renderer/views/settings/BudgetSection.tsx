// Spending caps (daily, monthly, per project), the confirmation threshold and the low-balance
// alert. They live in the library, so the app, the browser host and the CLI obey the same ones.
import { useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { attempt } from '../../lib/notify';
import { useBudget } from '../../state/budget';
import { useProjects } from '../../state/projects';
import { AmountField } from './AmountField';

export function BudgetSection() {
  const { t } = useTranslation();
  const status = useBudget((state) => state.status);
  const load = useBudget((state) => state.load);
  const update = useBudget((state) => state.update);
  const projects = useProjects((state) => state.projects);
  useEffect(() => {
    void attempt(load);
  }, [load]);
  if (!status) return null;
  const save = (patch: Parameters<typeof update>[0]) => void attempt(() => update(patch));
  const { settings } = status;
  return (
    <div className="budget-section" data-testid="budget-section">
      {status.heldOverBudget > 0 ? (
        <p className="notice notice-warning" data-testid="budget-held-count">
          {t('budget.heldCount', { count: status.heldOverBudget })}
        </p>
      ) : null}
      <div className="options-row">
        <AmountField
          testId="cap-daily"
          label={t('budget.daily')}
          hint={t('budget.spentToday', { spent: formatUsd(status.dailySpentUsd) })}
          value={settings.dailyUsd}
          onCommit={(dailyUsd) => save({ dailyUsd })}
        />
        <AmountField
          testId="cap-monthly"
          label={t('budget.monthly')}
          hint={t('budget.spentMonth', { spent: formatUsd(status.monthlySpentUsd) })}
          value={settings.monthlyUsd}
          onCommit={(monthlyUsd) => save({ monthlyUsd })}
        />
      </div>
      <div className="options-row">
        <AmountField
          testId="confirm-above"
          label={t('budget.confirmAbove')}
          value={settings.confirmAboveUsd}
          onCommit={(confirmAboveUsd) => save({ confirmAboveUsd })}
        />
        <AmountField
          testId="low-balance"
          label={t('budget.lowBalance')}
          value={settings.lowBalanceUsd}
          onCommit={(lowBalanceUsd) => save({ lowBalanceUsd })}
        />
      </div>
      <h3 className="field-label">{t('budget.projectCaps')}</h3>
      {projects.length === 0 ? (
        <p className="hint">{t('budget.noProjects')}</p>
      ) : (
        <div className="options-row project-caps">
          {projects.map((project) => (
            <AmountField
              key={project.id}
              testId={`cap-project-${project.name}`}
              label={project.name}
              hint={t('budget.spentProject', { spent: formatUsd(status.projectSpentUsd[project.id] ?? 0) })}
              value={settings.projectUsd[project.id] ?? null}
              onCommit={(cap) => save({ projectUsd: { [project.id]: cap } })}
            />
          ))}
        </div>
      )}
    </div>
  );
}
