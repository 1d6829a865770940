// The logger with a real secret store and real files: a canary key logged every way we can think of
// must never reach the disk or the console.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../main/core/errors';
import { createLogger, type Logger, REDACTED } from '../../../main/core/log';
import { createSecretStore, type SecretStore } from '../../../main/core/secrets';

let dir: string;
let logFile: string;
let loggers: Logger[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wan-studio-log-'));
  logFile = join(dir, 'logs', 'main.log');
  loggers = [];
});

afterEach(() => {
  for (const logger of loggers) logger.close();
  rmSync(dir, { recursive: true, force: true });
});

function track(logger: Logger): Logger {
  loggers.push(logger);
  return logger;
}

function readLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The canary and some of its fragments: a partial leak is still a leak. */
function fragmentsOf(secret: string): string[] {
  return [secret, secret.slice(0, 16), secret.slice(-16), secret.slice(8, 24)];
}

async function storeWithCanaries(): Promise<{ store: SecretStore; apiKey: string; s3Secret: string }> {
  // Session-only storage: these tests need no keychain; a service of their own keeps them away from
  // the keychain tests running in parallel.
  const store = createSecretStore({ service: `wan-studio-log-test-${process.pid}`, env: {} });
  const apiKey = `apx_canary_${randomBytes(16).toString('hex')}`;
  const s3Secret = `${randomBytes(15).toString('base64')}/+${randomBytes(12).toString('base64')}`;
  await store.set('apixo-api-key', apiKey, 'session');
  await store.set('s3-secret-access-key', s3Secret, 'session');
  return { store, apiKey, s3Secret };
}

describe('logger redaction', () => {
  it('never writes a secret held by the store, however it is logged', async () => {
    const { store, apiKey, s3Secret } = await storeWithCanaries();
    const echoed: string[] = [];
    const logger = track(
      createLogger({
        file: logFile,
        redact: () => store.knownSecrets(),
        console: (line) => echoed.push(line),
      }),
    );
    const jobs = logger.child({ scope: 'jobs', requestId: `req-${apiKey}` });

    const root = new Error(`socket closed while sending ${apiKey}`);
    const studioError = new StudioError({
      kind: 'invalid_key',
      userMessage: 'APIXO did not accept the API key.',
      detail: `401 for key ${apiKey}`,
      httpStatus: 401,
      cause: root,
    });
    const aggregate = new AggregateError([new TypeError(`bad ${s3Secret}`)], `all failed for ${apiKey}`);
    const circular: Record<string, unknown> = { name: apiKey };
    circular.self = circular;

    jobs.info(`submitting with key ${apiKey}`);
    jobs.warn('request headers', {
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'x-api-key': 'anything-else',
        accept: 'application/json',
      },
      url: new URL(`https://api.apixo.ai/v1/status?key=${encodeURIComponent(s3Secret)}`),
      nested: [{ deep: { deeper: [apiKey] } }, new Map([[apiKey, s3Secret]])],
      [apiKey]: 'secret as a field name',
      circular,
    });
    jobs.error('submit failed', studioError);
    jobs.error('everything failed', { error: aggregate, body: Buffer.from(apiKey) });
    logger.child({ scope: 'downloads' }).debug(`not written at info level ${apiKey}`);

    const text = readFileSync(logFile, 'utf8');
    for (const fragment of [...fragmentsOf(apiKey), ...fragmentsOf(s3Secret)]) {
      expect(text).not.toContain(fragment);
      expect(echoed.join('\n')).not.toContain(fragment);
    }
    expect(text).not.toContain(encodeURIComponent(s3Secret));

    const lines = readLines(logFile);
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => line.scope)).toEqual(['jobs', 'jobs', 'jobs', 'jobs']);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: `submitting with key ${REDACTED}`,
      requestId: `req-${REDACTED}`,
    });
    expect(lines[1]).toMatchObject({
      headers: { Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' },
      [REDACTED]: 'secret as a field name',
      circular: { name: REDACTED, self: '[circular]' },
    });
    // The error keeps what a developer needs: kind, detail, status, stack and the cause chain.
    expect(lines[2]?.error).toMatchObject({
      name: 'StudioError',
      message: 'APIXO did not accept the API key.',
      kind: 'invalid_key',
      detail: `401 for key ${REDACTED}`,
      httpStatus: 401,
      cause: { name: 'Error', message: `socket closed while sending ${REDACTED}` },
    });
    const loggedError = lines[2]?.error as { stack: string; cause: { stack: string } };
    expect(loggedError.stack).toContain('logger.test.ts');
    expect(loggedError.cause.stack).toContain(`Error: socket closed while sending ${REDACTED}`);
    expect(lines[3]).toMatchObject({
      error: { name: 'AggregateError', errors: [{ name: 'TypeError', message: `bad ${REDACTED}` }] },
      body: `[${Buffer.byteLength(apiKey)} bytes]`,
    });
    expect(echoed).toHaveLength(4);
    expect(echoed[2]).toMatch(/^\d{4}-\d\d-\d\dT.* ERROR \[jobs\] submit failed \{/);
  });

  it('keeps redacting a key after it was cleared, and picks up keys set after the logger started', async () => {
    const { store, apiKey } = await storeWithCanaries();
    const logger = track(createLogger({ file: logFile, redact: () => store.knownSecrets() }));
    const later = `apx_later_${randomBytes(16).toString('hex')}`;

    await store.clear('apixo-api-key');
    logger.info(`late response for ${apiKey}`);
    await store.set('apixo-api-key', later, 'session');
    logger.info(`new key ${later}`);

    const text = readFileSync(logFile, 'utf8');
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(later);
    expect(text.split(REDACTED)).toHaveLength(3);
  });

  it('redacts bearer tokens nobody registered', () => {
    const logger = track(createLogger({ file: logFile, redact: () => [] }));

    logger.info('retrying', {
      curl: 'curl -H "Authorization: Bearer unknown-token-123" https://x',
      authorization: 'raw',
    });

    const [line] = readLines(logFile);
    expect(line).toMatchObject({
      curl: `curl -H "Authorization: ${REDACTED}" https://x`,
      authorization: REDACTED,
    });
    expect(readFileSync(logFile, 'utf8')).not.toContain('unknown-token-123');
  });
});

describe('logger output', () => {
  it('writes JSON lines with the injected clock, levels and nested scopes, to a private file', () => {
    const logger = track(
      createLogger({
        file: logFile,
        level: 'debug',
        redact: () => [],
        clock: { now: () => Date.UTC(2030, 0, 2, 3, 4, 5) },
      }),
    );

    logger.debug('starting', { attempt: 1, msg: 'field named like a reserved key' });
    logger.child({ scope: 'library' }).child({ scope: 'migrations' }).warn('slow', { ms: 1234.5 });

    expect(readLines(logFile)).toEqual([
      {
        time: '2030-01-02T03:04:05.000Z',
        level: 'debug',
        msg: 'starting',
        attempt: 1,
        field_msg: 'field named like a reserved key',
      },
      {
        time: '2030-01-02T03:04:05.000Z',
        level: 'warn',
        scope: 'library.migrations',
        msg: 'slow',
        ms: 1234.5,
      },
    ]);
    if (process.platform !== 'win32') expect(statSync(logFile).mode & 0o777).toBe(0o600);
  });

  it('drops lines below the configured level', () => {
    const logger = track(createLogger({ file: logFile, level: 'warn', redact: () => [] }));

    logger.info('quiet');
    logger.warn('loud');

    expect(readLines(logFile).map((line) => line.msg)).toEqual(['loud']);
  });

  it('rotates to .1 before the file would exceed its size limit, losing no recent line', () => {
    const maxFileBytes = 4096;
    const logger = track(createLogger({ file: logFile, redact: () => [], maxFileBytes }));
    const total = 200;

    for (let index = 0; index < total; index++) logger.info('line', { index, padding: 'x'.repeat(40) });

    const current = readLines(logFile);
    const backup = readLines(`${logFile}.1`);
    expect(statSync(logFile).size).toBeLessThanOrEqual(maxFileBytes);
    expect(statSync(`${logFile}.1`).size).toBeLessThanOrEqual(maxFileBytes);
    // The two files hold the most recent lines, in order, without a gap between them.
    const indexes = [...backup, ...current].map((line) => line.index as number);
    expect(indexes.at(-1)).toBe(total - 1);
    expect(indexes).toEqual(indexes.map((_, position) => (indexes[0] as number) + position));
    expect(indexes.length).toBeGreaterThan(40);
    expect(existsSync(`${logFile}.2`)).toBe(false);
  });

  it('counts an existing file toward the limit when it reopens it', () => {
    track(createLogger({ file: logFile, redact: () => [] })).info('from the previous run', {
      padding: 'y'.repeat(3000),
    });
    const reopened = track(createLogger({ file: logFile, redact: () => [], maxFileBytes: 3500 }));

    reopened.info('first line of this run', { padding: 'z'.repeat(1000) });

    expect(readLines(`${logFile}.1`).map((line) => line.msg)).toEqual(['from the previous run']);
    expect(readLines(logFile).map((line) => line.msg)).toEqual(['first line of this run']);
  });

  it('survives values that cannot be serialised', () => {
    const logger = track(createLogger({ file: logFile, redact: () => [] }));
    const hostile = {
      toJSON() {
        throw new Error('no');
      },
    };

    logger.info('odd values', { hostile, big: 12n, notANumber: Number.NaN, when: new Date(0), fn: () => 1 });

    expect(readLines(logFile)[0]).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'odd values',
      hostile: '[unloggable]',
      big: '12',
      notANumber: 'NaN',
      when: '1970-01-01T00:00:00.000Z',
    });
  });
});
