// `wan-studio`: the same core as the desktop app, for scripts and batch work.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { clockFromEnvironment } from '../core/clock';
import { isStudioError, StudioError } from '../core/errors';
import { TERMINAL_STATES } from '../core/jobs/states';
import type { GenerationRecord } from '../core/library/types';
import { defaultLibraryDir, defaultUserDataDir } from '../service/default-paths';
import { headlessPlatform } from '../service/headless-platform';
import { createStudioCore } from '../service/studio-core';
import type { StudioCore } from '../service/types';
import { type CliValues, generationParamsFrom, integerOption, parse, USAGE, usageError } from './args';
import { line, summarize } from './format';

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

async function waitForAll(core: StudioCore, ids: string[], values: CliValues): Promise<GenerationRecord[]> {
  const pending = new Set(ids);
  return new Promise((resolve) => {
    const check = () => {
      for (const id of [...pending]) {
        const record = core.library().getGeneration(id);
        if (record && settled(record)) pending.delete(id);
      }
      if (pending.size === 0) {
        unsubscribe();
        resolve(
          ids.map((id) => core.library().getGeneration(id)).filter((r): r is GenerationRecord => r !== null),
        );
      }
    };
    const unsubscribe = core.events.on('generation.updated', (record) => {
      if (!pending.has(record.id)) return;
      if (!values.json) process.stderr.write(`${record.id}  ${record.state}\n`);
      check();
    });
    check();
  });
}

function generateParams(values: CliValues) {
  if (!values.prompt) throw usageError('generate needs --prompt');
  return generationParamsFrom(values);
}

/** --image files, judged like dropped ones; a file that needs conversion is converted (the CLI cannot ask). */
async function referencesFrom(core: StudioCore, files: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    // The CLI's user types paths relative to where they are; the contract takes only absolute ones.
    const path = resolve(file);
    await access(path, constants.R_OK).catch(() => {
      throw usageError(`cannot read the image file ${file}`);
    });
    let inspection = await core.handlers.images.inspect({ file: { via: 'path', path } });
    if (inspection.status === 'needs_conversion' && inspection.sha256) {
      inspection = await core.handlers.images.convert({ sha256: inspection.sha256 });
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

async function generate(core: StudioCore, values: CliValues): Promise<number> {
  const params = generateParams(values);
  let projectId: string | null = null;
  if (values.project) {
    const projects = await core.handlers.projects.list(undefined);
    projectId =
      projects.find((project) => project.name === values.project)?.id ??
      (await core.handlers.projects.create({ name: values.project })).id;
  }
  const references = await referencesFrom(core, values.image ?? []);
  const created = await core.handlers.generations.create({
    params,
    count: integerOption(values, 'count') ?? 1,
    seedMode: params.seed === undefined ? 'random' : 'fixed',
    projectId,
    ...(references.length > 0 ? { references } : {}),
  });
  const root = core.library().root;
  if (!values.wait) {
    // Stay until every request has been sent (or refused), so none is left half-submitted.
    await waitUntil(
      core,
      created.map((record) => record.id),
      (record) => record.state !== 'queued' && record.state !== 'submitting',
    );
    const now = created.map((record) => summarize(core.library().getGeneration(record.id) ?? record, root));
    print(values, now.map(line).join('\n'), now.length === 1 ? now[0] : now);
    return 0;
  }
  const finished = (
    await waitForAll(
      core,
      created.map((record) => record.id),
      values,
    )
  ).map((record) => summarize(record, root));
  const ok = finished.every((summary) => summary.state === 'done');
  print(
    values,
    finished
      .map((summary) => summary.filePath ?? `${summary.id} ${summary.state}: ${summary.error ?? ''}`)
      .join('\n'),
    finished.length === 1 ? finished[0] : finished,
  );
  if (!ok && !values.json) {
    const failed = finished.find((summary) => summary.state !== 'done');
    process.stderr.write(`wan-studio: ${failed?.state}: ${failed?.error ?? 'generation did not finish'}\n`);
  }
  return ok ? 0 : 1;
}

function waitUntil(
  core: StudioCore,
  ids: string[],
  ready: (record: GenerationRecord) => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (
        ids.every((id) => {
          const record = core.library().getGeneration(id);
          return !record || ready(record);
        })
      ) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = core.events.on('generation.updated', check);
    check();
  });
}

async function run(core: StudioCore, command: string, args: string[], values: CliValues): Promise<number> {
  const root = core.library().root;
  switch (command) {
    case 'generate':
      return generate(core, values);
    case 'wait': {
      // Drive whatever is unfinished in this library (after a crash, or jobs sent without --wait).
      const ids = args.length
        ? args
        : core
            .library()
            .listActive()
            .map((record) => record.id);
      const finished = (await waitForAll(core, ids, values)).map((record) => summarize(record, root));
      print(values, finished.length ? finished.map(line).join('\n') : 'Nothing is waiting.', finished);
      return finished.every((summary) => summary.state === 'done') ? 0 : 1;
    }
    case 'status': {
      const id = args[0];
      if (!id) throw usageError('status needs a generation id');
      const record = core.library().getGeneration(id);
      if (!record)
        throw new StudioError({ kind: 'not_found', userMessage: `No generation ${id} in this library.` });
      const summary = summarize(record, root);
      print(values, line(summary), summary);
      return 0;
    }
    case 'list':
    case 'search': {
      const text = command === 'search' ? args.join(' ') : undefined;
      if (command === 'search' && !text) throw usageError('search needs some words');
      const states = values.state ? [values.state as GenerationRecord['state']] : undefined;
      const page = await core.handlers.library.query({
        text,
        states,
        limit: integerOption(values, 'limit') ?? 20,
      });
      const items = page.items.map((record) => summarize(record, root));
      print(values, items.length ? items.map(line).join('\n') : 'Nothing found.', {
        total: page.total,
        items,
      });
      return 0;
    }
    case 'import': {
      if (args.length === 0) throw usageError('import needs MP4 files');
      const result = await core.handlers.library.importPaths({ paths: args.map((arg) => resolve(arg)) });
      const skipped = result.skipped.map((skip) => `skipped ${skip.name}: ${skip.reason}`);
      print(values, [`imported ${result.imported}`, ...skipped].join('\n'), result);
      return result.imported > 0 || args.length === 0 ? 0 : 1;
    }
    case 'key': {
      const action = args[0];
      if (action === 'set') {
        const key = await readKeyFromStdin();
        const status = await core.handlers.key.set({ key, where: values.session ? 'session' : 'keychain' });
        print(values, `API key saved in ${status.keychainBackend} (…${status.last4 ?? ''})`, status);
        return 0;
      }
      if (action === 'clear') {
        const status = await core.handlers.key.clear(undefined);
        print(values, 'API key removed.', status);
        return 0;
      }
      if (action === 'status') {
        const status = await core.handlers.key.status(undefined);
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
      const balance = await core.handlers.balance.get({ refresh: true });
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
  if (command === 'generate') generateParams(values);
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
    return await run(core, command, args, values);
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
