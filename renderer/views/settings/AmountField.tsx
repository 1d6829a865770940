// A USD amount that saves on blur or Enter; empty means "no cap". A typo shows inline and saves
// nothing, so the stored cap never changes by accident.
import { useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import { useTranslation } from '../../i18n/use-translation';

export function parseAmount(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.').replace(/^\$/, '');
  if (trimmed === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

export function AmountField({
  label,
  hint,
  value,
  onCommit,
  testId,
}: {
  label: string;
  hint?: string;
  value: number | null;
  onCommit(value: number | null): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = () => {
    const parsed = parseAmount(text);
    if (parsed === 'invalid') {
      setError(t('budget.invalidAmount'));
      return;
    }
    setError(undefined);
    if (parsed !== value) onCommit(parsed);
  };
  return (
    <Field label={label} hint={hint} error={error} className="field-narrow amount-field">
      {(control) => (
        <div className="amount-input">
          <span aria-hidden="true">$</span>
          <input
            {...control}
            className="input input-mono"
            inputMode="decimal"
            placeholder={t('budget.noCap')}
            value={text}
            data-testid={testId}
            onChange={(event) => setText(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit();
            }}
          />
        </div>
      )}
    </Field>
  );
}
