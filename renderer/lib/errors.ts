// Every failure the UI shows goes through here: a ContractError's kind picks a sentence that says
// what happened and what to do, in the UI language; the core's own message stays as the detail.
import type { TFunction } from 'i18next';
import { isContractError } from '../../shared/contract/build-api';
import type { ContractError } from '../../shared/contract/contract';

export function asContractError(error: unknown): ContractError {
  if (isContractError(error)) return error;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export interface ErrorText {
  title: string;
  action: string;
  detail: string;
}

export function describeError(t: TFunction, error: unknown): ErrorText {
  const contractError = asContractError(error);
  const kind = contractError.kind;
  return {
    title: t(`errors.${kind}.title`),
    action: t(`errors.${kind}.action`),
    detail: contractError.message,
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
