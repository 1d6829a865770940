// The single door into the core: every call from the UI (Electron IPC or the browser host's
// WebSocket) goes through here. It refuses unknown channels, parses the argument with the
// contract's schema before any handler sees it, and turns every outcome into an Envelope so no
// stack trace or internal detail crosses to the renderer.
import { ZodError } from 'zod';
import {
  type ContractError,
  type Envelope,
  type StudioHandlers,
  specFor,
} from '../../shared/contract/contract';
import { isStudioError } from '../core/errors';
import { storageFailure } from '../core/fs/storage-failure';

export type Dispatch = (channel: string, rawArgument: unknown) => Promise<Envelope<unknown>>;

export interface DispatchLogger {
  error(message: string, fields?: Record<string, unknown>): void;
}

export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(argument)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** The value at an issue's path in the raw argument (a string, or undefined). */
function valueAt(argument: unknown, path: readonly PropertyKey[]): string | undefined {
  let value: unknown = argument;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}

export function toContractError(error: unknown, argument?: unknown): ContractError {
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    const first = Object.entries(fields)[0];
    // A relative path (absolutePathSchema) gets a reason the UI words in its own language.
    const relative = error.issues.find(
      (issue) => issue.code === 'custom' && issue.params?.reason === 'relative_path',
    );
    const path = relative ? valueAt(argument, relative.path) : undefined;
    return {
      kind: 'validation',
      message: first ? `${first[0]}: ${first[1]}` : 'Invalid argument',
      fields,
      ...(path !== undefined ? { reason: 'relative_path' as const, params: { path } } : {}),
    };
  }
  if (isStudioError(error)) {
    return {
      kind: error.kind,
      message: error.userMessage,
      ...(error.reasonCode ? { reason: error.reasonCode } : {}),
      ...(error.reasonParams ? { params: error.reasonParams } : {}),
    };
  }
  // A full or read-only disk, or a damaged database, met by any handler: say so, not "internal".
  const storage = storageFailure(error, 'the library');
  if (storage) return { kind: storage.kind, message: storage.userMessage };
  return { kind: 'internal', message: 'Something went wrong inside Wan Studio. The details are in the log.' };
}

export function createDispatcher(handlers: StudioHandlers, logger: DispatchLogger): Dispatch {
  return async (channel, rawArgument) => {
    const spec = specFor(channel);
    if (!spec)
      return { ok: false, error: { kind: 'forbidden', message: `Unknown channel "${String(channel)}"` } };
    const parsed = spec.input.safeParse(rawArgument);
    if (!parsed.success) return { ok: false, error: toContractError(parsed.error, rawArgument) };
    const [group, name] = channel.split('.') as [string, string];
    const handler = (handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[
      group
    ]?.[name];
    if (!handler) return { ok: false, error: { kind: 'internal', message: `No handler for "${channel}"` } };
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const contractError = toContractError(error);
      if (contractError.kind === 'internal') {
        logger.error('handler failed', { channel, error });
      }
      return { ok: false, error: contractError };
    }
  };
}
