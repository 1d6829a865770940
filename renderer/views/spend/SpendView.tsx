// Where the money went: spend per day (by project or resolution), per project, failed and
// cancelled spend, cost per kept clip, and the days the balance fell more than the estimates say.
import { useEffect, useState } from 'react';
import { dayKey } from '../../../shared/domain/budget';
import type { SpendReport } from '../../../shared/domain/spend';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { formatDayKey, formatUsd } from '../../lib/format';
import { attempt } from '../../lib/notify';
import { useBudget } from '../../state/budget';
import { useProjects } from '../../state/projects';
import { type DayBar, DayChart, TotalsChart } from './DayChart';

const DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function dayBars(report: SpendReport, by: 'project' | 'resolution'): DayBar[] {
  const byDay = new Map(report.days.map((day) => [day.day, day]));
  const bars: DayBar[] = [];
  for (let index = DAYS - 1; index >= 0; index--) {
    const key = dayKey(Date.now() - index * DAY_MS);
    const day = byDay.get(key);
    const split = day ? (by === 'project' ? day.byProject : day.byResolution) : {};
    bars.push({
      day: key,
      segments: Object.entries(split).map(([series, usd]) => ({ key: series, usd })),
      totalUsd: day?.totalUsd ?? 0,
      flagged: day?.gapUsd != null,
    });
  }
  return bars;
}

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <div className="spend-figure" data-testid={testId}>
      <span className="field-label">{label}</span>
      <strong className="spend-figure-value">{value}</strong>
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}

export function SpendView() {
  const { t } = useTranslation();
  const report = useBudget((state) => state.report);
  const loadReport = useBudget((state) => state.loadReport);
  const projects = useProjects((state) => state.projects);
  const [by, setBy] = useState<'project' | 'resolution'>('project');
  useEffect(() => {
    void attempt(() => loadReport(Date.now() - (DAYS - 1) * DAY_MS));
  }, [loadReport]);

  if (!report) {
    return (
      <div className="view-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </div>
    );
  }
  const projectName = (id: string) =>
    id === '' ? t('spend.noProject') : (projects.find((project) => project.id === id)?.name ?? id);
  const seriesKeys = by === 'project' ? ['', ...projects.map((project) => project.id)] : ['720p', '1080p'];
  const seriesIndex = (key: string) => Math.max(0, seriesKeys.indexOf(key));
  const legend =
    by === 'project' ? report.projects.map((project) => project.projectId ?? '') : ['720p', '1080p'];
  const gaps = report.days.filter((day) => day.gapUsd !== null);
  const reconciled = report.days.some((day) => day.balanceDropUsd !== null);
  return (
    <div className="spend view-pad" data-testid="spend-view">
      <div className="section-head">
        <h2>{t('spend.title')}</h2>
        <span className="hint">{t('spend.since', { days: DAYS })}</span>
      </div>
      {report.backend === 'demo' ? <p className="hint spend-demo">{t('spend.demo')}</p> : null}
      <div className="spend-figures">
        <Figure
          testId="spend-total"
          label={t('spend.total')}
          value={formatUsd(report.totalUsd)}
          hint={t('spend.totalCount', { count: report.count })}
        />
        <Figure testId="spend-failed" label={t('spend.failed')} value={formatUsd(report.failedUsd)} />
        <Figure
          testId="spend-cancelled"
          label={t('spend.cancelled')}
          value={formatUsd(report.cancelledUsd)}
        />
        <Figure
          testId="spend-per-kept"
          label={t('spend.perKept')}
          value={report.costPerKeptUsd === null ? '—' : formatUsd(report.costPerKeptUsd)}
          hint={t('spend.perKeptHint', { count: report.keptCount })}
        />
      </div>
      <section className="spend-card" aria-labelledby="spend-per-day">
        <div className="heading-row">
          <h3 id="spend-per-day">{t('spend.perDay')}</h3>
          <Segmented
            label={t('spend.perDay')}
            hideLabel
            size="sm"
            value={by}
            options={[
              { value: 'project', label: t('spend.byProject') },
              { value: 'resolution', label: t('spend.byResolution') },
            ]}
            onChange={(value) => setBy(value as 'project' | 'resolution')}
          />
        </div>
        {report.count === 0 ? <p className="hint">{t('spend.empty')}</p> : null}
        <DayChart bars={dayBars(report, by)} seriesIndex={seriesIndex} />
        <ul className="chart-legend">
          {legend.map((key) => (
            <li key={key}>
              <span className={`legend-swatch series-${seriesIndex(key) % 6}`} aria-hidden="true" />
              {by === 'project' ? projectName(key) : key}
            </li>
          ))}
        </ul>
      </section>
      <section className="spend-card" aria-labelledby="spend-projects">
        <h3 id="spend-projects">{t('spend.projects')}</h3>
        {report.projects.length === 0 ? (
          <p className="hint">{t('spend.empty')}</p>
        ) : (
          <TotalsChart
            rows={report.projects.map((project) => ({
              key: project.projectId ?? '',
              label: `${projectName(project.projectId ?? '')} (${project.count})`,
              usd: project.totalUsd,
              series: seriesIndex(project.projectId ?? ''),
            }))}
          />
        )}
      </section>
      <section className="spend-card" aria-labelledby="spend-reconcile" data-testid="spend-reconcile">
        <h3 id="spend-reconcile">{t('spend.reconcile')}</h3>
        <p className="hint">{t('spend.reconcileHint')}</p>
        {gaps.length > 0 ? (
          <ul className="gap-list">
            {gaps.map((day) => (
              <li key={day.day} className="notice notice-warning">
                {t('spend.gap', {
                  day: formatDayKey(day.day),
                  drop: formatUsd(day.balanceDropUsd ?? 0),
                  expected: formatUsd(day.expectedDropUsd ?? 0),
                  gap: formatUsd(day.gapUsd ?? 0),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{reconciled ? t('spend.noGaps') : t('spend.noSnapshots')}</p>
        )}
      </section>
    </div>
  );
}
