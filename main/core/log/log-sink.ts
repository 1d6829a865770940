// The three levels the core's long-running parts log at; the app's Logger satisfies it, and tests
// pass a recorder.
export interface LogSink {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
