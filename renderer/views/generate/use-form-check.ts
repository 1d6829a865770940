// The Generate form's checks (field-errors.ts) come with zod and the contract's schemas, ~100 KB
// whose evaluation cost 50–70 ms of the first paint. The form renders without them and they load
// right after: nothing is shown as wrong before a field is touched anyway, and a send waits for
// them (loadFormCheck) so nothing unchecked is ever sent.
import { useEffect, useState } from 'react';
import { onDemand } from '../../lib/on-demand';

const formCheck = onDemand(() => import('./field-errors').then((module) => module.validateForm));
type FormCheck = NonNullable<ReturnType<typeof formCheck.now>>;

/** The form check, loading it first if need be. */
export const loadFormCheck = (): Promise<FormCheck> => formCheck.load();

/** The form check once it is here (null before): the view renders again when it arrives. */
export function useFormCheck(): FormCheck | null {
  // A function in useState would be called as its initializer: wrap it.
  const [check, setCheck] = useState<FormCheck | null>(() => formCheck.now());
  useEffect(() => {
    if (check) return;
    let live = true;
    const attempt = () =>
      loadFormCheck().then(
        (arrived) => live && setCheck(() => arrived),
        () => live && setTimeout(attempt, 2_000),
      );
    void attempt();
    return () => {
      live = false;
    };
  }, [check]);
  return check;
}
