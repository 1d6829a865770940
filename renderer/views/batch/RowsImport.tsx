// A CSV or JSONL file of shots: read in the page, checked row by row with the shared schema; each
// bad row is listed with its line, and nothing is sent until the file is valid or the user chooses
// to skip the bad rows.

import { Icon } from '../../components/Icon';
import { Switch } from '../../components/Switch';
import { useTranslation } from '../../i18n/use-translation';
import { useBatch } from '../../state/batch';

export function RowsImport() {
  const { t } = useTranslation();
  const file = useBatch((state) => state.file);
  const skipBad = useBatch((state) => state.skipBad);
  const setSkipBad = useBatch((state) => state.setSkipBad);
  const loadFile = useBatch((state) => state.loadFile);
  const problems = file?.rows.problems ?? [];
  return (
    <div className="batch-rows">
      <div className="batch-file">
        <span className="field-label">{t('batch.file')}</span>
        {/* The native input's own button cannot be translated: a labelled button opens it instead. */}
        <label className="btn btn-secondary btn-md batch-file-button">
          <Icon name="upload" />
          {t('batch.chooseFile')}
          <input
            type="file"
            className="visually-hidden"
            accept=".csv,.jsonl,.ndjson,text/csv"
            data-testid="batch-file"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (chosen) void loadFile(chosen);
              event.target.value = '';
            }}
          />
        </label>
        <span className="hint">{t('batch.fileHint')}</span>
      </div>
      {file ? (
        <p className="batch-file-summary" data-testid="batch-file-summary">
          {t('batch.fileSummary', { name: file.name, good: file.rows.items.length, bad: problems.length })}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="batch-problems" role="alert" data-testid="batch-problems">
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.line}-${problem.message}`}>
                <strong>{t('batch.line', { line: problem.line })}</strong> {problem.message}
              </li>
            ))}
          </ul>
          {file && file.rows.items.length > 0 ? (
            <Switch
              label={t('batch.skipBad')}
              description={t('batch.skipBadHint')}
              checked={skipBad}
              onChange={setSkipBad}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
