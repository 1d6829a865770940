// Every failure the UI shows goes through here: a ContractError's kind picks a sentence that says
// what happened and what to do, in the UI language; a reason code the UI knows replaces the "what
// to do" with something more precise. The core's own sentence is English: in English it is shown
// as the detail, in any other language only behind "technical details".
import type { TFunction } from 'i18next';
import { isContractError } from '../../shared/contract/call-api';
import type { ContractError } from '../../shared/contract/contract';

export function asContractError(error: unknown): ContractError {
  if (isContractError(error)) return error;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export interface ErrorText {
  title: string;
  action: string;
  /** The core's own sentence (English). */
  detail: string;
  /** True when the detail may be shown as a line of its own (the UI is in English). */
  detailReadable: boolean;
}

export function describeError(t: TFunction, error: unknown, language: string): ErrorText {
  const contractError = asContractError(error);
  const kind = contractError.kind;
  const reasonKey = contractError.reason ? `errorReasons.${contractError.reason}` : null;
  const reasonText = reasonKey ? t(reasonKey, { ...contractError.params }) : null;
  const translatedReason = reasonText && reasonText !== reasonKey ? reasonText : null;
  const english = language.startsWith('en');
  const detail = contractError.message;
  const titleKey = contractError.reason ? `errorReasonTitles.${contractError.reason}` : null;
  const reasonTitle = titleKey ? t(titleKey) : null;
  return {
    title: reasonTitle && reasonTitle !== titleKey ? reasonTitle : t(`errors.${kind}.title`),
    action: translatedReason ?? t(`errors.${kind}.action`),
    detail,
    // A translated reason already says what the detail says; otherwise English readers get it inline.
    detailReadable: english && !translatedReason,
  };
}

/** Server-side validation paths look like `params.prompt`; the form knows fields as `prompt`. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const contractError = asContractError(error);
  if (contractError.kind !== 'validation' || !contractError.fields) return {};
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(contractError.fields)) {
    const field = path.startsWith('params.') ? path.slice('params.'.length) : path;
    fields[field] ??= message;
  }
  return fields;
}
