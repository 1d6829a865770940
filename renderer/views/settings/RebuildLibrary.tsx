// "Rebuild library from folder": asks first (the current database is kept aside, not deleted),
// then shows progress and what came back. Shown in Settings → Library and on the screen for a
// library whose database is missing or damaged while its folder is there.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { CarryOverPart, RebuildSummary } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { useTranslation } from '../../i18n/use-translation';
import { notifySuccess } from '../../lib/notify';
import { useRebuild } from '../../state/rebuild';

export function RebuildLibrary({ tone }: { tone?: 'primary' }) {
  const { t } = useTranslation();
  const { running, progress, result, error, start } = useRebuild();
  const carried = result?.carriedOver ? carriedItems(result.carriedOver, t) : [];
  const [asking, setAsking] = useState(false);

  async function rebuild(): Promise<void> {
    setAsking(false);
    const summary = await start();
    if (summary)
      notifySuccess(
        t('rebuild.done'),
        t('rebuild.summary', { restored: summary.restored, plain: summary.plain }),
      );
  }

  const fraction = progress && progress.total > 0 ? progress.done / progress.total : null;
  return (
    <div className="rebuild" data-testid="rebuild-library">
      <Button tone={tone} size="sm" icon="refresh" busy={running} onClick={() => setAsking(true)}>
        {t('rebuild.action')}
      </Button>
      {running ? (
        <div className="rebuild-progress">
          <ProgressBar fraction={fraction} label={t('rebuild.progressLabel')} />
          <span className="hint">
            {progress
              ? t('rebuild.progress', { done: progress.done, total: progress.total })
              : t('rebuild.scanning')}
          </span>
        </div>
      ) : null}
      {result && !running ? (
        <div className="rebuild-result" data-testid="rebuild-result">
          <p>{t('rebuild.summary', { restored: result.restored, plain: result.plain })}</p>
          {result.skipped.length > 0 ? (
            <ul className="rebuild-skipped">
              {result.skipped.map((skip) => (
                <li key={skip.relPath}>
                  <code>{skip.relPath}</code>: {skip.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {carried.length > 0 ? <p>{t('rebuild.carriedOver', { items: carried.join(', ') })}</p> : null}
          {result.carryOverFailed.length > 0 ? (
            <p className="hint" data-testid="carry-over-failed">
              {t('rebuild.carryOverFailed', {
                parts: result.carryOverFailed.map((part) => t(PARTS[part].label)).join(', '),
              })}
            </p>
          ) : null}
          {result.recipesKeptAside.length > 0 ? (
            <>
              <p>{t('rebuild.recipesKeptAside', { count: result.recipesKeptAside.length })}</p>
              <ul className="rebuild-skipped">
                {result.recipesKeptAside.map((kept) => (
                  <li key={kept.relPath}>
                    <code>{kept.relPath}</code>: {kept.reason} → <code>{kept.keptAs}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="hint">
            {result.keptAs ? t('rebuild.keptAs', { path: result.keptAs }) : t('rebuild.nothingKept')}
          </p>
        </div>
      ) : null}
      {error && !running ? <ErrorNotice error={error} compact /> : null}
      <ConfirmDialog
        open={asking}
        title={t('rebuild.confirmTitle')}
        confirmLabel={t('rebuild.confirm')}
        onConfirm={() => void rebuild()}
        onClose={() => setAsking(false)}
      >
        <p>{t('rebuild.explain')}</p>
        <p className="hint">{t('rebuild.explainKept')}</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * Each part of the carry-over: its name (the failure line lists the parts that start empty) and
 * its "name: count" words for the line of what came over (the spending limits have no count).
 */
const PARTS: Record<CarryOverPart, { label: string; counted: string | null }> = {
  projects: { label: 'rebuild.partProjects', counted: 'rebuild.carriedProjects' },
  presets: { label: 'rebuild.partPresets', counted: 'rebuild.carriedPresets' },
  prompts: { label: 'rebuild.partPrompts', counted: 'rebuild.carriedPrompts' },
  sequences: { label: 'rebuild.partSequences', counted: 'rebuild.carriedSequences' },
  references: { label: 'rebuild.partReferences', counted: 'rebuild.carriedReferences' },
  balanceSnapshots: { label: 'rebuild.partBalance', counted: 'rebuild.carriedBalance' },
  sends: { label: 'rebuild.partSends', counted: 'rebuild.carriedSends' },
  budget: { label: 'rebuild.carriedBudget', counted: null },
};

/** What came over from the previous database, in words; what did not (none of it) is not listed. */
function carriedItems(carried: NonNullable<RebuildSummary['carriedOver']>, t: TFunction): string[] {
  return (Object.entries(PARTS) as [CarryOverPart, (typeof PARTS)[CarryOverPart]][]).flatMap(
    ([part, { label, counted }]) => {
      const value = carried[part];
      if (!value) return [];
      return [counted ? t(counted, { count: value }) : t(label)];
    },
  );
}
