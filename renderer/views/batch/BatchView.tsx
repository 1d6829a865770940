// The batch builder: a prompt template with a grid sweep, or a CSV/JSONL file; the preview with the
// count and total before anything is sent; a confirmation above the threshold; then the result grid.
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { useApp } from '../../state/app';
import { type BatchPreview as Preview, previewPlan, previewRows, useBatch } from '../../state/batch';
import { useBudget } from '../../state/budget';
import { CompareView } from '../viewer/CompareView';
import { BatchPreview } from './BatchPreview';
import { BatchResults } from './BatchResults';
import { RowsImport } from './RowsImport';
import { SweepOptions } from './SweepOptions';
import { TemplateEditor } from './TemplateEditor';

/** The preview, recomputed when the plan, the file or the confirmation threshold changes. */
function usePreview(thresholdUsd: number | null | undefined): Preview | null {
  const source = useBatch((state) => state.source);
  const plan = useBatch((state) => state.plan);
  const file = useBatch((state) => state.file);
  return useMemo(() => {
    void thresholdUsd; // read by the estimate through the budget store
    if (source === 'template') return previewPlan(plan);
    return file ? previewRows(file.rows) : null;
  }, [source, plan, file, thresholdUsd]);
}

export function BatchView() {
  const { t } = useTranslation();
  const source = useBatch((state) => state.source);
  const setSource = useBatch((state) => state.setSource);
  const skipBad = useBatch((state) => state.skipBad);
  const sending = useBatch((state) => state.sending);
  const error = useBatch((state) => state.error);
  const send = useBatch((state) => state.send);
  const demo = useApp((state) => state.info?.demoMode);
  const [confirming, setConfirming] = useState(false);
  const thresholdUsd = useBudget((state) => state.status?.settings.confirmAboveUsd);
  // The confirmation threshold is the user's (Settings → Spending caps): fetched fresh on opening.
  useEffect(() => {
    void useBudget.getState().load();
  }, []);
  const preview = usePreview(thresholdUsd);
  const problems = preview?.problems ?? [];
  const held = problems.length > 0 && (source === 'template' || !skipBad);
  const canSend = !!preview && preview.items.length > 0 && !held && !sending;
  const estimate = preview?.estimate;

  const onSend = () => {
    if (!preview || !canSend) return;
    if (preview.estimate.needsConfirmation) setConfirming(true);
    else void send(preview, false);
  };

  return (
    <div className="generate batch">
      <div className="generate-main">
        <Segmented
          label={t('batch.source')}
          value={source}
          options={[
            { value: 'template', label: t('batch.sourceTemplate') },
            { value: 'file', label: t('batch.sourceFile') },
          ]}
          onChange={setSource}
        />
        {source === 'template' ? <TemplateEditor /> : <RowsImport />}
        {source === 'template' && problems.length > 0 ? (
          <ul className="batch-problems" role="alert" data-testid="batch-problems">
            {problems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
          </ul>
        ) : null}
        {preview ? <BatchPreview preview={preview} /> : null}
        <BatchResults />
        <CompareView />
      </div>
      <aside className="generate-side" aria-label={t('batch.sweep')}>
        {source === 'template' ? (
          <SweepOptions />
        ) : (
          <div className="options">
            <p className="hint">{t('batch.fileSideHint')}</p>
          </div>
        )}
        <div className="submit-bar">
          {error ? <ErrorNotice error={error} compact /> : null}
          <div className="cost" data-testid="batch-total">
            <span className="cost-value">≈ {formatUsd(estimate?.totalUsd ?? 0)}</span>
            <span className="cost-note">
              {t('batch.count', { count: estimate?.count ?? 0 })} {t('generate.costNote')}
            </span>
            {estimate?.needsConfirmation ? (
              <span className="cost-note">
                {t('batch.needsConfirm', { limit: formatUsd(estimate.confirmAboveUsd ?? 0) })}
              </span>
            ) : null}
            {demo ? <span className="cost-demo">{t('generate.costDemo')}</span> : null}
          </div>
          <Button
            tone="primary"
            size="lg"
            icon="sparkles"
            busy={sending}
            disabled={!canSend}
            onClick={onSend}
            data-testid="batch-send"
          >
            {t('batch.send', { count: estimate?.count ?? 0 })}
          </Button>
        </div>
      </aside>
      <Dialog
        open={confirming}
        title={t('batch.confirmTitle')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button tone="ghost" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              tone="primary"
              data-testid="batch-confirm"
              onClick={() => {
                setConfirming(false);
                if (preview) void send(preview, true);
              }}
            >
              {t('batch.confirmSend', {
                count: estimate?.count ?? 0,
                total: formatUsd(estimate?.totalUsd ?? 0),
              })}
            </Button>
          </>
        }
      >
        <p>
          {t('batch.confirmBody', {
            count: estimate?.count ?? 0,
            total: formatUsd(estimate?.totalUsd ?? 0),
            limit: formatUsd(estimate?.confirmAboveUsd ?? 0),
          })}
        </p>
      </Dialog>
    </div>
  );
}
