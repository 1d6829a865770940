// Failed intents surface as a toast with the same words the rest of the UI uses for that error.
import i18n from '../i18n';
import { useToasts } from '../state/toasts';
import { describeError } from './errors';

export function notifyError(error: unknown): void {
  const text = describeError(i18n.t, error, i18n.language);
  // A toast has no room for a disclosure: outside English the core's sentence stays in the log.
  const detail = text.detailReadable ? `${text.action} ${text.detail}` : text.action;
  useToasts.getState().show({ tone: 'error', title: text.title, detail: detail.trim() });
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
