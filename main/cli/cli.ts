// `wan-studio`: the same core as the desktop app, for scripts and batch work.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { StudioApi } from '../../preload/contract';
import { clockFromEnvironment } from '../core/clock';
import { isStudioError, StudioError } from '../core/errors';
import { TERMINAL_STATES } from '../core/jobs/states';
import type { GenerationRecord } from '../core/library/types';
import { defaultLibraryDir, defaultUserDataDir } from '../service/default-paths';
import { headlessPlatform } from '../service/headless-platform';
import { createStudioCore } from '../service/studio-core';
import {
  type CliValues,
  checkGenerateArguments,
  createArgumentFrom,
  integerOption,
  parse,
  USAGE,
  usageError,
} from './args';
import { type GenerationSummary, line, summarize } from './format';

const VERSION = '0.1.0';

function print(values: CliValues, human: string, data: unknown): void {
  process.stdout.write(values.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

async function readKeyFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Paste your APIXO API key and press Enter: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

function settled(record: GenerationRecord): boolean {
  return TERMINAL_STATES.has(record.state) || record.state === 'uncertain' || record.state === 'stalled';
}

/** Ended without a video: the command must not report success. */
function wentWrong(record: GenerationRecord): boolean {
  return record.state === 'uncertain' || (TERMINAL_STATES.has(record.state) && record.state !== 'done');
}

async function getGeneration(api: StudioApi, id: string): Promise<GenerationRecord> {
  const record = await api.generations.get({ id });
  if (!record)
    throw new StudioError({ kind: 'not_found', userMessage: `No generation ${id} in this library.` });
  return record;
}

/** Waits until every generation is `ready`, as told by the core's events; returns them as they are then. */
async function waitUntil(
  api: StudioApi,
  ids: string[],
  ready: (record: GenerationRecord) => boolean,
  onUpdate: (record: GenerationRecord) => void = () => {},
): Promise<GenerationRecord[]> {
  const pending = new Set(ids);
  let allReady: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allReady = resolve;
  });
  const see = (record: GenerationRecord) => {
    if (ready(record)) pending.delete(record.id);
    if (pending.size === 0) allReady();
  };
  // Listening before the first look: an update between the two is not missed.
  const unsubscribe = api.on('generation.updated', (record) => {
    if (!pending.has(record.id)) return;
    onUpdate(record);
    see(record);
  });
  try {
    for (const id of ids) see(await getGeneration(api, id));
    if (pending.size === 0) allReady();
    await done;
  } finally {
    unsubscribe();
  }
  return Promise.all(ids.map((id) => getGeneration(api, id)));
}

function waitForAll(api: StudioApi, ids: string[], values: CliValues): Promise<GenerationRecord[]> {
  return waitUntil(api, ids, settled, (record) => {
    if (!values.json) process.stderr.write(`${record.id}  ${record.state}\n`);
  });
}

async function libraryRoot(api: StudioApi): Promise<string> {
  return (await api.app.info()).libraryRoot;
}

/** --image files, judged like dropped ones; a file that needs conversion is converted (the CLI cannot ask). */
async function referencesFrom(api: StudioApi, files: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    // The CLI's user types paths relative to where they are; the contract takes only absolute ones.
    const path = resolve(file);
    await access(path, constants.R_OK).catch(() => {
      throw usageError(`cannot read the image file ${file}`);
    });
    let inspection = await api.images.inspect({ file: { via: 'path', path } });
    if (inspection.status === 'needs_conversion' && inspection.sha256) {
      inspection = await api.images.convert({ sha256: inspection.sha256 });
    }
    if (inspection.status !== 'ready' || !inspection.sha256) {
      throw new StudioError({
        kind: 'invalid_image',
        userMessage: `${file}: ${inspection.message ?? 'cannot be used'}`,
      });
    }
    ids.push(inspection.sha256);
  }
  return ids;
}

async function projectIdFor(api: StudioApi, name: string | undefined): Promise<string | undefined> {
  if (!name) return undefined;
  const projects = await api.projects.list();
  return projects.find((project) => project.name === name)?.id ?? (await api.projects.create({ name })).id;
}

/** One line on stderr naming the first generation that went wrong (JSON output already carries it). */
function reportFailure(values: CliValues, summaries: GenerationSummary[]): void {
  const failed = summaries.find((summary) => summary.state !== 'done');
  if (failed && !values.json) {
    process.stderr.write(`wan-studio: ${failed.state}: ${failed.error ?? 'generation did not finish'}\n`);
  }
}

async function generate(api: StudioApi, values: CliValues): Promise<number> {
  const projectId = await projectIdFor(api, values.project);
  const references = await referencesFrom(api, values.image ?? []);
  const created = await api.generations.create(createArgumentFrom(values, references, projectId));
  const ids = created.map((record) => record.id);
  const root = await libraryRoot(api);
  if (!values.wait) {
    // Stay until every request has been sent (or refused), so none is left half-submitted.
    const sent = await waitUntil(
      api,
      ids,
      (record) => record.state !== 'queued' && record.state !== 'submitting',
    );
    const now = sent.map((record) => summarize(record, root));
    print(values, now.map(line).join('\n'), now.length === 1 ? now[0] : now);
    // Refused or lost on the way out: a script must not take this for a job under way.
    const failed = sent.filter(wentWrong).map((record) => summarize(record, root));
    reportFailure(values, failed);
    return failed.length === 0 ? 0 : 1;
  }
  const finished = (await waitForAll(api, ids, values)).map((record) => summarize(record, root));
  const ok = finished.every((summary) => summary.state === 'done');
  print(
    values,
    finished
      .map((summary) => summary.filePath ?? `${summary.id} ${summary.state}: ${summary.error ?? ''}`)
      .join('\n'),
    finished.length === 1 ? finished[0] : finished,
  );
  if (!ok) reportFailure(values, finished);
  return ok ? 0 : 1;
}

async function run(api: StudioApi, command: string, args: string[], values: CliValues): Promise<number> {
  switch (command) {
    case 'generate':
      return generate(api, values);
    case 'wait': {
      // Drive whatever is unfinished in this library (after a crash, or jobs sent without --wait).
      const ids = args.length ? args : (await api.queue.snapshot()).active.map((record) => record.id);
      const root = await libraryRoot(api);
      const finished = (await waitForAll(api, ids, values)).map((record) => summarize(record, root));
      print(values, finished.length ? finished.map(line).join('\n') : 'Nothing is waiting.', finished);
      return finished.every((summary) => summary.state === 'done') ? 0 : 1;
    }
    case 'status': {
      const id = args[0];
      if (!id) throw usageError('status needs a generation id');
      const summary = summarize(await getGeneration(api, id), await libraryRoot(api));
      print(values, line(summary), summary);
      return 0;
    }
    case 'list':
    case 'search': {
      const text = command === 'search' ? args.join(' ') : undefined;
      if (command === 'search' && !text) throw usageError('search needs some words');
      const states = values.state ? [values.state as GenerationRecord['state']] : undefined;
      const page = await api.library.query({
        text,
        states,
        limit: integerOption(values, 'limit') ?? 20,
      });
      const root = await libraryRoot(api);
      const items = page.items.map((record) => summarize(record, root));
      print(values, items.length ? items.map(line).join('\n') : 'Nothing found.', {
        total: page.total,
        items,
      });
      return 0;
    }
    case 'import': {
      if (args.length === 0) throw usageError('import needs MP4 files');
      const result = await api.library.importPaths({ paths: args.map((arg) => resolve(arg)) });
      const skipped = result.skipped.map((skip) => `skipped ${skip.name}: ${skip.reason}`);
      print(values, [`imported ${result.imported}`, ...skipped].join('\n'), result);
      return result.imported > 0 || args.length === 0 ? 0 : 1;
    }
    case 'key': {
      const action = args[0];
      if (action === 'set') {
        const key = await readKeyFromStdin();
        const status = await api.key.set({ key, where: values.session ? 'session' : 'keychain' });
        print(values, `API key saved in ${status.keychainBackend} (…${status.last4 ?? ''})`, status);
        return 0;
      }
      if (action === 'clear') {
        const status = await api.key.clear();
        print(values, 'API key removed.', status);
        return 0;
      }
      if (action === 'status') {
        const status = await api.key.status();
        const where = status.location === 'keychain' ? status.keychainBackend : status.location;
        print(
          values,
          status.set
            ? `set (…${status.last4 ?? ''}) in ${where}`
            : `not set${status.keychainError ? ` — ${status.keychainError}` : ''}`,
          status,
        );
        return 0;
      }
      throw usageError('key takes set, clear or status');
    }
    case 'balance': {
      const balance = await api.balance.get({ refresh: true });
      if (balance.error) throw new StudioError({ kind: 'server', userMessage: balance.error });
      print(values, `$${balance.usd?.toFixed(2)}${balance.demo ? ' (demo)' : ''}`, balance);
      return 0;
    }
    default:
      throw usageError(`unknown command "${command}"`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  // Refuse bad arguments before opening anything.
  const known = ['generate', 'wait', 'status', 'list', 'search', 'import', 'key', 'balance'];
  if (!known.includes(command)) throw usageError(`unknown command "${command}"`);
  if (command === 'generate') checkGenerateArguments(values);
  const core = await createStudioCore({
    userDataDir: values.data ?? defaultUserDataDir(),
    defaultLibraryDir: defaultLibraryDir(),
    libraryDir: values.library,
    host: 'cli',
    mediaBaseUrl: '',
    platform: headlessPlatform(),
    version: VERSION,
    forceDemo: values.demo ?? false,
    apiBaseUrl: values['base-url'],
    startEngine: command === 'generate' || command === 'wait',
    clock: clockFromEnvironment(),
    demo: { timeScale: Number(process.env.WAN_STUDIO_DEMO_TIME_SCALE ?? '0.15') },
  });
  const stop = () => {
    void core.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run(core.api, command, args, values);
  } finally {
    await core.close();
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].split(/[\\/]/).pop() ?? '');
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = isStudioError(error)
        ? error.userMessage
        : error instanceof Error
          ? error.message
          : String(error);
      process.stderr.write(`wan-studio: ${message.split('\n')[0]}\n`);
      process.exit(1);
    },
  );
}
