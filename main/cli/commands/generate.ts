// `wan-studio generate`: the same generations.create the app sends, then wait until sent (or, with
// --wait, until the video is in the library).
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { StudioApi } from '../../../shared/contract/contract';
import { StudioError } from '../../core/errors';
import { audioLink, type CliValues, checkGenerateArguments, createArgumentFrom, usageError } from '../args';
import { batchFormat } from '../batch-file';
import { line, summarize } from '../format';
import { print, reportFailure, stateLines } from '../output';
import { showsProgress, startProgress } from '../progress';
import { sent, settled, waitUntil, wentWrong } from '../waiter';
import { type Command, libraryRoot } from './command';
import { generateFrom } from './generate-from';

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

/** --audio FILE: judged by its content in the core (format, 3–30 s, size) before anything is sent. */
async function audioFrom(api: StudioApi, audio: string | undefined): Promise<string | undefined> {
  if (!audio || audioLink(audio)) return undefined;
  const path = resolve(audio);
  await access(path, constants.R_OK).catch(() => {
    throw usageError(`cannot read the audio file ${audio}`);
  });
  const inspection = await api.audio.inspect({ file: { via: 'path', path } });
  if (inspection.status !== 'ready' || !inspection.sha256) {
    throw new StudioError({
      kind: 'invalid_audio',
      userMessage: `${audio}: ${inspection.message ?? 'cannot be used'}`,
    });
  }
  return inspection.sha256;
}

async function projectIdFor(api: StudioApi, name: string | undefined): Promise<string | undefined> {
  if (!name) return undefined;
  const projects = await api.projects.list();
  return projects.find((project) => project.name === name)?.id ?? (await api.projects.create({ name })).id;
}

async function generate(api: StudioApi, values: CliValues): Promise<number> {
  const projectId = await projectIdFor(api, values.project);
  const references = await referencesFrom(api, values.image ?? []);
  const audio = await audioFrom(api, values.audio);
  const created = await api.generations.create(createArgumentFrom(values, references, projectId, audio));
  const ids = created.map((record) => record.id);
  const root = await libraryRoot(api);
  if (!values.wait) {
    // Stay until every request has been sent (or refused), so none is left half-submitted.
    const now = (await waitUntil(api, ids, sent)).map((record) => summarize(record, root));
    print(values, now.map(line).join('\n'), now.length === 1 ? now[0] : now);
    // Refused or lost on the way out: a script must not take this for a job under way.
    const failed = now.filter(wentWrong);
    reportFailure(values, failed);
    return failed.length === 0 ? 0 : 1;
  }
  // On a terminal one line keeps updating; otherwise each state change is a line of its own.
  const progress = showsProgress(values) ? await startProgress(api, created) : null;
  let settledRecords: Awaited<ReturnType<typeof waitUntil>>;
  try {
    settledRecords = await waitUntil(api, ids, settled, progress ? progress.update : stateLines(values));
  } finally {
    progress?.stop();
  }
  const finished = settledRecords.map((record) => summarize(record, root));
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

export const generateCommand: Command = {
  // A dry run only reads: it must not pick up and drive jobs left in the library.
  engine: (values) => !values['dry-run'],
  check: (_args, values) => {
    if (values.from === undefined) return checkGenerateArguments(values);
    if (values.prompt !== undefined) throw usageError('give --from or --prompt, not both');
    batchFormat(values.from);
  },
  run: (api, _args, values) =>
    values.from === undefined ? generate(api, values) : generateFrom(api, values),
};
