// A small structured logger: one JSON object per line, in a rotating file and optionally echoed to
// stderr. Everything passes through redactSecrets with the secrets known at that moment, so a
// key can be logged by mistake (in a message, an error's stack or cause, an object) and still
// never reach the disk.
import type { Clock } from '../clock';
import { DEFAULT_MAX_LOG_BYTES, type LogFile, openLogFile } from './log-file';
import { redactSecrets } from './redact';
import { toLoggable } from './to-loggable';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  /** `fields` may be an Error, which is logged under `error`. */
  debug(message: string, fields?: LogFields | Error): void;
  info(message: string, fields?: LogFields | Error): void;
  warn(message: string, fields?: LogFields | Error): void;
  error(message: string, fields?: LogFields | Error): void;
  /** A logger whose lines carry `scope` (joined to the parent's with '.') and the other bindings. */
  child(bindings: { scope: string } & LogFields): Logger;
  /** Closes the file; later lines only go to the console echo, if any. */
  close(): void;
}

export interface LoggerOptions {
  /** JSON-lines file; omit for console-only logging. */
  file?: string;
  /** Lowest level written; default 'info'. */
  level?: LogLevel;
  /** The secret values to scrub, asked for on every line so newly set keys are covered at once. */
  redact: () => readonly string[];
  clock?: Pick<Clock, 'now'>;
  /** true echoes a readable line to stderr; a function receives that line instead (tests, the CLI). */
  console?: boolean | ((line: string) => void);
  maxFileBytes?: number;
}

const RESERVED_KEYS = new Set(['time', 'level', 'scope', 'msg']);

interface Sink {
  options: LoggerOptions;
  file: LogFile | null;
  reportedWriteFailure: boolean;
}

function readableLine(record: Record<string, unknown>): string {
  const { time, level, scope, msg, ...rest } = record;
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  const scopeText = scope ? ` [${String(scope)}]` : '';
  return `${String(time)} ${String(level).toUpperCase().padEnd(5)}${scopeText} ${String(msg)}${extra}`;
}

function emit(sink: Sink, level: LogLevel, bindings: LogFields, message: string, fields?: LogFields | Error) {
  const { options } = sink;
  if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(options.level ?? 'info')) return;
  const secrets = options.redact();
  const redact = (text: string) => redactSecrets(text, secrets);
  const extra = fields instanceof Error ? { error: fields } : (fields ?? {});

  const record: Record<string, unknown> = {
    time: new Date((options.clock ?? Date).now()).toISOString(),
    level,
    scope: typeof bindings.scope === 'string' ? redact(bindings.scope) : undefined,
    msg: toLoggable(message, redact),
  };
  const { scope: _scope, ...boundFields } = bindings;
  for (const [key, value] of [...Object.entries(boundFields), ...Object.entries(extra)]) {
    let converted: unknown;
    try {
      converted = toLoggable(value, redact, key);
    } catch {
      // A throwing getter or toJSON must not take the caller down with it.
      converted = '[unloggable]';
    }
    if (converted !== undefined) record[redact(RESERVED_KEYS.has(key) ? `field_${key}` : key)] = converted;
  }
  if (record.scope === undefined) delete record.scope;

  if (sink.file) {
    try {
      sink.file.append(`${JSON.stringify(record)}\n`);
    } catch (error) {
      // Logging must never crash the app (disk full, folder removed); say so once on stderr.
      if (!sink.reportedWriteFailure) {
        sink.reportedWriteFailure = true;
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`wan-studio: cannot write the log file: ${redact(reason)}\n`);
      }
    }
  }
  if (options.console === true) process.stderr.write(`${readableLine(record)}\n`);
  else if (typeof options.console === 'function') options.console(readableLine(record));
}

function makeLogger(sink: Sink, bindings: LogFields): Logger {
  const at = (level: LogLevel) => (message: string, fields?: LogFields | Error) =>
    emit(sink, level, bindings, message, fields);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child({ scope, ...more }) {
      const parentScope = typeof bindings.scope === 'string' ? bindings.scope : undefined;
      return makeLogger(sink, {
        ...bindings,
        ...more,
        scope: parentScope ? `${parentScope}.${scope}` : scope,
      });
    },
    close() {
      sink.file?.close();
      sink.file = null;
    },
  };
}

export function createLogger(options: LoggerOptions): Logger {
  const file = options.file ? openLogFile(options.file, options.maxFileBytes ?? DEFAULT_MAX_LOG_BYTES) : null;
  return makeLogger({ options, file, reportedWriteFailure: false }, {});
}
