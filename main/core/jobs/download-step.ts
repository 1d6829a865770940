// downloading → done | expired | failed. The result URL is fetched as soon as the task succeeds
// (APIXO result links expire), resumed across restarts from the recorded .part file, verified,
// and only then recorded as a video in the library.
import { access, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { rejectedBodyError } from '../downloads/download-errors';
import { downloadFile } from '../downloads/download-file';
import { generationVideoPaths, type LibraryFilePaths, libraryFilePaths } from '../downloads/library-paths';
import { StudioError } from '../errors';
import type { GenerationRecord, PartialDownload } from '../library/types';
import { type Mp4Info, probeMp4 } from '../media/mp4-probe';
import { asStudioError, errorBackoffMs, type JobContext, type Runner } from './context';

const DOWNLOAD_ERROR_LIMIT = 5;
/**
 * The shorter of the result lifetimes APIXO's pages name (24 hours; the Wan page says 15 days).
 * A 403 or 404 for a task finished more recently than this is not taken as expiry (a 410, "gone",
 * is): a CDN that has not caught up yet, or a proxy in the way, answers the same, and the link may
 * work shortly. Taking it for expiry would send the user to Remix, which pays again.
 */
const RESULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

function pathsFor(
  ctx: JobContext,
  record: GenerationRecord,
  stored: PartialDownload | null,
): LibraryFilePaths {
  const root = ctx.library.root;
  // Resume into the part we already have, even if the project was renamed meanwhile.
  if (stored) return libraryFilePaths(root, stored.partRelPath.replace(/\.part$/, ''));
  const projectName = record.projectId
    ? (ctx.library.listProjects().find((project) => project.id === record.projectId)?.name ?? null)
    : null;
  return generationVideoPaths({
    root,
    projectName,
    prompt: record.params.prompt,
    generationId: record.id,
    createdAt: record.createdAt,
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function downloadStep(ctx: JobContext, runner: Runner, record: GenerationRecord): Promise<void> {
  if (record.video) {
    // Crashed after recording the video but before marking done.
    ctx.library.clearPartialDownload(record.id);
    ctx.write(runner, {
      state: 'done',
      completedAt: record.completedAt ?? ctx.clock.now(),
      nextCheckAt: null,
    });
    return;
  }
  const url = record.resultUrl;
  if (!url) {
    ctx.write(runner, {
      state: 'failed',
      errorKind: 'protocol',
      errorMessage: 'APIXO reported success without a video link.',
    });
    return;
  }
  await runner.sleepUntil(record.nextCheckAt);
  const stored = ctx.library.getPartialDownload(record.id);
  const paths = pathsFor(ctx, record, stored);
  const resume = stored && stored.url === url ? stored : null;
  const checkpoint = (
    bytesDone: number,
    etag: string | null,
    lastModified: string | null,
    total: number | null,
  ) =>
    ctx.library.savePartialDownload({
      generationId: record.id,
      url,
      partRelPath: paths.partRelPath,
      bytesDone,
      totalBytes: total,
      etag,
      lastModified,
    });
  if (!stored || stored.url !== url)
    checkpoint(stored?.bytesDone ?? 0, stored?.etag ?? null, stored?.lastModified ?? null, null);

  let result: { bytes: number; sha256: string } | null = null;
  if (!(await exists(paths.absPath)) || (await exists(paths.partAbsPath))) {
    try {
      await mkdir(dirname(paths.absPath), { recursive: true });
      let total: number | null = stored?.totalBytes ?? null;
      result = await ctx.downloads.run(
        () =>
          downloadFile({
            url,
            policy: ctx.resultLinkPolicy(record),
            verify: async (path) => void (await probeVideo(path)),
            partPath: paths.partAbsPath,
            finalPath: paths.absPath,
            resume:
              resume ??
              (stored
                ? { bytesDone: stored.bytesDone, etag: stored.etag, lastModified: stored.lastModified }
                : null),
            signal: runner.controller.signal,
            clock: ctx.clock,
            onProgress: (progress) => {
              total = progress.total;
              ctx.onProgress(record.id, progress);
            },
            onCheckpoint: (state) => checkpoint(state.bytesDone, state.etag, state.lastModified, total),
          }),
        { signal: runner.controller.signal },
      );
    } catch (caught) {
      await handleDownloadError(ctx, runner, record, caught);
      return;
    }
  }
  ctx.network.reportSuccess();
  // The final file exists only after a verified, fsynced rename; if we crashed right after it,
  // hash it again rather than download it twice (and check it: an older version kept anything).
  let info: Mp4Info;
  let verified: { bytes: number; sha256: string };
  try {
    info = await probeVideo(paths.absPath);
    verified = result ?? (await hashExisting(paths.absPath));
  } catch (caught) {
    await rm(paths.absPath, { force: true });
    ctx.library.clearPartialDownload(record.id);
    const storage = caught instanceof StudioError && caught.kind === 'storage';
    await handleDownloadError(ctx, runner, record, storage ? caught : rejectedBodyError(caught, null, url));
    return;
  }
  if (runner.controller.signal.aborted) return;
  ctx.library.addVideo(record.id, {
    relPath: paths.relPath,
    bytes: verified.bytes,
    sha256: verified.sha256,
    width: info.width,
    height: info.height,
    durationMs: info.durationMs,
    posterRelPath: null,
  });
  ctx.library.clearPartialDownload(record.id);
  ctx.write(runner, {
    state: 'done',
    completedAt: ctx.clock.now(),
    nextCheckAt: null,
    errorKind: null,
    errorMessage: null,
  });
}

/** The file must be an MP4 with a video track: anything else never becomes a library video. */
async function probeVideo(path: string): Promise<Mp4Info> {
  const info = await probeMp4(path);
  if (!info.hasVideo) {
    throw new StudioError({
      kind: 'protocol',
      userMessage: 'The MP4 file has no video track',
      detail: `${path}: no vide track`,
    });
  }
  return info;
}

async function hashExisting(path: string): Promise<{ bytes: number; sha256: string }> {
  const { createHash } = await import('node:crypto');
  const { createReadStream } = await import('node:fs');
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function handleDownloadError(
  ctx: JobContext,
  runner: Runner,
  record: GenerationRecord,
  caught: unknown,
) {
  const error = asStudioError(caught);
  if (error.kind === 'cancelled' || runner.controller.signal.aborted) return;
  let reason = error.userMessage;
  let kind = error.kind;
  if (error.kind === 'network') {
    ctx.network.reportFailure();
    ctx.write(runner, {
      errorKind: 'network',
      errorMessage: 'Download paused: you are offline. It resumes by itself.',
    });
    await ctx.network.waitToRetry(runner.controller.signal);
    return;
  }
  if (error.kind === 'expired') {
    if (!runner.urlRefreshed && record.taskId) {
      // A signed link may have been re-issued: ask once for a fresh one, keep the partial file.
      runner.urlRefreshed = true;
      ctx.write(runner, { state: 'pending', nextCheckAt: ctx.clock.now() });
      return;
    }
    const finishedAt = record.remoteCompleteTime ?? record.submittedAt;
    const old = finishedAt === null || ctx.clock.now() - finishedAt >= RESULT_LIFETIME_MS;
    if (error.httpStatus === 410 || old) {
      ctx.write(runner, {
        state: 'expired',
        errorKind: 'expired',
        errorMessage: 'The result link has expired before the video was saved. Remix to generate it again.',
        completedAt: ctx.clock.now(),
      });
      return;
    }
    // Too young to have expired: retried with backoff like a server error, then left for Retry.
    reason = `The file server refused the video's link (HTTP ${error.httpStatus ?? 404}), although APIXO finished it only recently.`;
    kind = 'server';
  }
  if (error.kind === 'invalid_request') {
    // A refused link: the same link can never become acceptable, so fail now. downloadFile
    // already removed its part file; the record of it goes too.
    ctx.library.clearPartialDownload(record.id);
    ctx.log.warn('result link refused', { id: record.id, detail: error.detail });
    ctx.write(runner, {
      state: 'failed',
      errorKind: error.kind,
      errorMessage: `The video could not be saved: ${error.userMessage}`,
      completedAt: ctx.clock.now(),
      nextCheckAt: null,
    });
    return;
  }
  runner.consecutiveErrors++;
  if (runner.consecutiveErrors >= DOWNLOAD_ERROR_LIMIT) {
    ctx.write(runner, {
      state: 'failed',
      errorKind: kind,
      errorMessage: `The video could not be saved: ${reason} Retry to resume the download.`,
      completedAt: ctx.clock.now(),
    });
    return;
  }
  ctx.log.warn('download failed, retrying', { id: record.id, kind: error.kind, detail: error.detail });
  ctx.write(runner, {
    errorKind: kind,
    errorMessage: reason,
    nextCheckAt: ctx.clock.now() + errorBackoffMs(runner.consecutiveErrors),
  });
}
