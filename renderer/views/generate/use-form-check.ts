// The Generate form's checks (field-errors.ts) come with zod and the contract's schemas, ~100 KB
// whose evaluation cost 50–70 ms of the first paint. The form renders without them and they load
// right after: nothing is shown as wrong before a field is touched anyway, and a send waits for
// them (loadFormCheck) so nothing unchecked is ever sent.
import { useEffect, useState } from 'react';

type FormCheck = typeof import('./field-errors')['validateForm'];

let loaded: FormCheck | null = null;
let loading: Promise<FormCheck> | null = null;

export function loadFormCheck(): Promise<FormCheck> {
  if (!loading) {
    loading = import('./field-errors').then((module) => {
      loaded = module.validateForm;
      return loaded;
    });
    // A failed load (the host restarting) is tried again by the next caller.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The form check once it is here (null before): the view renders again when it arrives. */
export function useFormCheck(): FormCheck | null {
  // A function in useState would be called as its initializer: wrap it.
  const [check, setCheck] = useState<FormCheck | null>(() => loaded);
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
