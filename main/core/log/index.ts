export { DEFAULT_MAX_LOG_BYTES, type LogFile, openLogFile } from './log-file';
export {
  createLogger,
  LOG_LEVELS,
  type LogFields,
  type Logger,
  type LoggerOptions,
  type LogLevel,
} from './logger';
export { REDACTED, redactSecrets } from './redact';
export { type Redact, toLoggable } from './to-loggable';
