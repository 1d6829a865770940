// Failed intents surface as a toast with the same words the rest of the UI uses for that error.
import i18n from '../i18n';
import { useToasts } from '../state/toasts';
import { describeError } from './errors';

export function notifyError(error: unknown): void {
  const text = describeError(i18n.t, error);
  useToasts
    .getState()
    .show({ tone: 'error', title: text.title, detail: `${text.action} ${text.detail}`.trim() });
}

export function notifySuccess(title: string, detail?: string): void {
  useToasts.getState().show(detail ? { tone: 'success', title, detail } : { tone: 'success', title });
}

/** Runs an intent; on failure shows the error and resolves undefined, so callers stay flat. */
export async function attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    notifyError(error);
    return undefined;
  }
}

/** For intents that return nothing: true when it worked (the error is already shown when not). */
export async function succeeded(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    notifyError(error);
    return false;
  }
}
