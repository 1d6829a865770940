// A link typed into a field, with the button that checks it: Enter (without Ctrl/Cmd, which
// submits the form) does what the button does. Used for reference images and audio.

import { Button } from './Button';
import type { FieldControlProps } from './Field';

interface LinkInputProps {
  control: FieldControlProps;
  value: string;
  placeholder: string;
  onChange(value: string): void;
  /** Check the link now (the button, or Enter). */
  onAdd(): void;
  addLabel: string;
  onBlur?: () => void;
  /** data-testid of the input; the button's is this plus "-add". */
  testId: string;
}

export function LinkInput({
  control,
  value,
  placeholder,
  onChange,
  onAdd,
  addLabel,
  onBlur,
  testId,
}: LinkInputProps) {
  return (
    <div className="input-with-button">
      <input
        {...control}
        className="input"
        type="url"
        inputMode="url"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            onAdd();
          }
        }}
        data-testid={testId}
      />
      <Button size="sm" onClick={onAdd} disabled={!value.trim()} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </div>
  );
}
