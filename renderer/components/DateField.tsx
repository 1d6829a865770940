// A date typed in the UI language's own order ("31.12.2026", "12/31/2026"), for filters: the
// native date input would follow the browser's locale instead. Commits on Enter or blur, Escape
// puts the saved date back, ↑/↓ move a day; a date that does not exist says so and is not used.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { uiLocale } from '../lib/format';
import { formatDay, parseDay, startOfDay } from '../lib/local-date';

interface DateFieldProps {
  label: string;
  /** Local midnight of the chosen day, or undefined for none. */
  value: number | undefined;
  onChange(dayStart: number | undefined): void;
  testId?: string;
}

const DAY_KEYS: Record<string, number> = { ArrowUp: 1, ArrowDown: -1 };

export function DateField({ label, value, onChange, testId }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale();
  const shown = value === undefined ? '' : formatDay(value, locale);
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const editing = useRef(false);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  // The saved day, re-written when it changes or the language does (unless the user is typing).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language changes how `shown` reads
  useEffect(() => {
    if (!editing.current) {
      setDraft(shown);
      setInvalid(false);
    }
  }, [shown, i18n.language]);

  const commit = () => {
    editing.current = false;
    const text = draft.trim();
    if (!text) {
      setInvalid(false);
      if (value !== undefined) onChange(undefined);
      return;
    }
    const day = parseDay(text, locale);
    if (day === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(formatDay(day, locale));
    if (day !== value) onChange(day);
  };

  const example = formatDay(new Date(new Date().getFullYear(), 11, 31).getTime(), locale);
  return (
    // The error sits outside the <label>, so the field's name stays its label alone.
    <div className="filter filter-date">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input input-compact"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        placeholder={t('dates.placeholder')}
        title={t('dates.hint', { example })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          editing.current = true;
          setDraft(event.target.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && editing.current) {
            event.preventDefault();
            event.stopPropagation();
            editing.current = false;
            setDraft(shown);
            setInvalid(false);
          } else if (event.key in DAY_KEYS) {
            event.preventDefault();
            const from = parseDay(draft, locale) ?? value ?? startOfDay(Date.now());
            const date = new Date(from);
            date.setDate(date.getDate() + (DAY_KEYS[event.key] ?? 0));
            editing.current = false;
            setInvalid(false);
            setDraft(formatDay(date.getTime(), locale));
            onChange(date.getTime());
          }
        }}
        data-testid={testId}
      />
      {invalid ? (
        <span className="filter-error" id={errorId} role="alert">
          {t('dates.invalid', { example })}
        </span>
      ) : null}
    </div>
  );
}
