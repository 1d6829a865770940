// A compact "any or one of these" select for the library's filters. The values keep their type
// (a duration stays a number): the <select> only ever sees their index.
import { useTranslation } from '../i18n/use-translation';

const ANY = 'any';

export interface FilterOption<T> {
  value: T;
  label: string;
}

export function FilterSelect<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  /** undefined: any. */
  value: T | undefined;
  options: readonly FilterOption<T>[];
  onChange(value: T | undefined): void;
}) {
  const { t } = useTranslation();
  const selected = options.findIndex((option) => option.value === value);
  return (
    <label className="filter">
      <span>{label}</span>
      <select
        className="select select-compact"
        value={selected < 0 ? ANY : String(selected)}
        onChange={(event) =>
          onChange(event.target.value === ANY ? undefined : options[Number(event.target.value)]?.value)
        }
      >
        <option value={ANY}>{t('library.any')}</option>
        {options.map((option, index) => (
          <option key={String(option.value)} value={String(index)}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
