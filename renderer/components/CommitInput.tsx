// A text input that saves on blur or Enter and keeps its own draft until then. The draft follows
// the saved value only while the user is not editing this field, so the answer to another field's
// save (which re-renders the whole section) never resets what is being typed here. Escape puts
// the saved value back.
import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';

type NativeProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'onKeyDown'
>;

export interface CommitInputProps extends NativeProps {
  /** The saved value. */
  value: string;
  /** Called with the (normalized) draft when it differs from the saved value. */
  onCommit(value: string): void;
  /** Applied before comparing and committing; trims by default. */
  normalize?: (draft: string) => string;
  /** A draft that fails this check is not committed (the field shows its own error). */
  canCommit?: (draft: string) => boolean;
  /** Lets the parent validate what is being typed. */
  onDraftChange?: (draft: string) => void;
}

const trim = (draft: string): string => draft.trim();

export function CommitInput({
  value,
  onCommit,
  normalize = trim,
  canCommit,
  onDraftChange,
  ...native
}: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  // True from the first keystroke until the draft is committed or reverted.
  const editing = useRef(false);
  const draftListener = useRef(onDraftChange);
  draftListener.current = onDraftChange;

  useEffect(() => {
    if (!editing.current) {
      setDraft(value);
      draftListener.current?.(value);
    }
  }, [value]);

  const change = (next: string) => {
    editing.current = true;
    setDraft(next);
    onDraftChange?.(next);
  };
  const commit = () => {
    if (!editing.current) return;
    const next = normalize(draft);
    if (canCommit && !canCommit(next)) return;
    editing.current = false;
    setDraft(next);
    if (next !== value) onCommit(next);
  };
  const revert = () => {
    editing.current = false;
    setDraft(value);
    onDraftChange?.(value);
  };

  return (
    <input
      {...native}
      value={draft}
      onChange={(event) => change(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        else if (event.key === 'Escape' && editing.current) {
          event.preventDefault();
          revert();
        }
      }}
    />
  );
}
