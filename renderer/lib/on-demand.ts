// A module (or a value from one) loaded the first time it is needed, then kept: the first paint
// must not carry zod and the schemas, so the code that needs them loads them this way.
export interface OnDemand<T> {
  /** The value once it has arrived, else null. */
  now(): T | null;
  /** Starts loading (once at a time; after a failed load the next call tries again). */
  load(): Promise<T>;
}

export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    now: () => value,
    load() {
      if (!loading) {
        loading = importer().then((arrived) => {
          value = arrived;
          return arrived;
        });
        loading.catch(() => {
          loading = null;
        });
      }
      return loading;
    },
  };
}
