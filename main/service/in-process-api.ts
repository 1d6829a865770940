// The core's API for code in the same process (the CLI, tests, Electron main's own reads): the
// very `StudioApi` the UI gets, built from the contract over the same dispatcher that serves
// Electron IPC and the browser host's WebSocket. Every call is parsed by the contract's schema
// (which also fills the defaults) before the core sees it, so no host can skip a limit.
import { buildStudioApi } from '../../preload/build-api';
import type { ContractError, StudioApi } from '../../preload/contract';
import type { Dispatch } from './dispatch';
import type { StudioEventSource } from './types';

/** A call the core refused, with the contract's words: kind, message and per-field errors. */
export class StudioApiError extends Error {
  readonly kind: ContractError['kind'];
  readonly fields: Record<string, string>;

  constructor(readonly contractError: ContractError) {
    super(contractError.message);
    this.name = 'StudioApiError';
    this.kind = contractError.kind;
    this.fields = contractError.fields ?? {};
  }
}

export function isStudioApiError(error: unknown): error is StudioApiError {
  return error instanceof StudioApiError;
}

export function createInProcessApi(dispatch: Dispatch, events: StudioEventSource): StudioApi {
  return buildStudioApi(
    dispatch,
    (event, listener) => events.on(event, listener),
    (error) => new StudioApiError(error),
  );
}
