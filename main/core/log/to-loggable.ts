// Converts whatever a caller hands the logger into plain JSON data with every string redacted.
// Errors keep name, message, stack, cause and their own fields (StudioError's kind and detail);
// buffers, functions, cycles and very deep or long values are summarised instead of dumped.
import { REDACTED } from './redact';

export type Redact = (text: string) => string;

const MAX_DEPTH = 8;
const MAX_ARRAY_ITEMS = 100;
const MAX_STRING_LENGTH = 16_384;
// Values under these keys are credentials whatever they look like.
const SENSITIVE_KEY =
  /^(?:proxy-)?authorization$|^x-api-key$|^api[-_]?key$|^password$|^secret$|^(?:access[-_]?)?token$|^secret[-_]?access[-_]?key$/i;

export type Loggable = string | number | boolean | null | Loggable[] | { [key: string]: Loggable };

function loggableString(text: string, redact: Redact): string {
  // Redact before truncating: a cut through the middle of a secret would leave half of it unmatched.
  const clean = redact(text);
  if (clean.length <= MAX_STRING_LENGTH) return clean;
  return `${clean.slice(0, MAX_STRING_LENGTH)}…[${clean.length - MAX_STRING_LENGTH} more characters]`;
}

function loggableError(error: Error, redact: Redact, ancestors: object[]): { [key: string]: Loggable } {
  const result: { [key: string]: Loggable } = {
    name: loggableString(error.name, redact),
    message: loggableString(error.message, redact),
  };
  for (const [key, value] of Object.entries(error)) {
    const converted = convert(value, redact, ancestors, key);
    if (converted !== undefined) result[loggableString(key, redact)] = converted;
  }
  if (error.stack) result.stack = loggableString(error.stack, redact);
  // `cause` is a non-enumerable own property, so Object.entries above does not see it.
  if (error.cause !== undefined) result.cause = convert(error.cause, redact, ancestors, 'cause') ?? null;
  if (error instanceof AggregateError) {
    result.errors = convert(error.errors, redact, ancestors, 'errors') ?? null;
  }
  return result;
}

function convert(value: unknown, redact: Redact, ancestors: object[], key: string): Loggable | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (SENSITIVE_KEY.test(key) && value !== null) return REDACTED;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return loggableString(value, redact);
  if (typeof value === 'number' || typeof value === 'bigint') {
    // A numeric secret would otherwise slip through as a number; it becomes a redacted string.
    const text = String(value);
    const clean = redact(text);
    if (clean !== text) return clean;
    return typeof value === 'number' && Number.isFinite(value) ? value : text;
  }
  if (ancestors.includes(value)) return '[circular]';
  if (ancestors.length >= MAX_DEPTH) return '[too deep]';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();

  const nested = [...ancestors, value];
  if (value instanceof Error) return loggableError(value, redact, nested);
  if (value instanceof Map) return convert(Object.fromEntries(value), redact, ancestors, key);
  if (value instanceof Set) return convert([...value], redact, ancestors, key);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY_ITEMS).map((item) => convert(item, redact, nested, '') ?? null);
    if (value.length > MAX_ARRAY_ITEMS) items.push(`[${value.length - MAX_ARRAY_ITEMS} more items]`);
    return items;
  }
  const withToJSON = value as { toJSON?: () => unknown };
  if (typeof withToJSON.toJSON === 'function') return convert(withToJSON.toJSON(), redact, nested, key);

  const result: { [key: string]: Loggable } = {};
  for (const [childKey, childValue] of Object.entries(value)) {
    const converted = convert(childValue, redact, nested, childKey);
    if (converted !== undefined) result[loggableString(childKey, redact)] = converted;
  }
  return result;
}

/**
 * Plain, redacted JSON data for `value`; undefined when there is nothing to log (functions,
 * undefined). `key` is the field name the value is logged under, so `authorization` is hidden too.
 */
export function toLoggable(value: unknown, redact: Redact, key = ''): Loggable | undefined {
  return convert(value, redact, [], key);
}
