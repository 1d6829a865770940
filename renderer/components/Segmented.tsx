// A segmented control built on native radio inputs: arrow keys, focus and form semantics come free.
import { useId } from 'react';

export interface SegmentOption<T extends string | number> {
  value: T;
  label: string;
  hint?: string;
}

interface SegmentedProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly SegmentOption<T>[];
  onChange(value: T): void;
  hideLabel?: boolean;
  size?: 'sm' | 'md';
  disabled?: boolean;
}

export function Segmented<T extends string | number>({
  label,
  value,
  options,
  onChange,
  hideLabel,
  size = 'md',
  disabled,
}: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className={`segmented segmented-${size}`} disabled={disabled}>
      <legend className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</legend>
      <div className="segmented-track">
        {options.map((option) => (
          <label key={String(option.value)} className="segment" title={option.hint}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span className="segment-label">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
