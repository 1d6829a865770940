import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Clock, systemClock } from '../../../main/core/clock';
import {
  type DownloadOptions,
  type DownloadProgress,
  downloadFile,
  type ResumeState,
} from '../../../main/core/downloads/download-file';
import { PartFile } from '../../../main/core/downloads/part-file';
import { isStudioError, type StudioError } from '../../../main/core/errors';
import { anyAddress } from '../../../main/core/net/address-policy';
import { DEFAULT_ETAG, type FileServer, type ServePlan, startFileServer } from './file-server';

const SIZE = 1024 * 1024 + 123; // not a multiple of any chunk size
let content: Buffer;
let contentSha256: string;
let dir: string;
let server: FileServer | null = null;

/** Real time for everything except backoff sleeps, which are recorded and skipped. */
function instantBackoffClock(): { clock: Clock; sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => Date.now(),
      setTimeout: systemClock.setTimeout,
      async sleep(ms, signal) {
        if (signal?.aborted) throw signal.reason;
        sleeps.push(ms);
      },
    },
  };
}

async function serve(plan?: (index: number) => ServePlan): Promise<FileServer> {
  server = await startFileServer(content, plan);
  return server;
}

function paths() {
  return { partPath: join(dir, 'lib', 'clip.mp4.part'), finalPath: join(dir, 'lib', 'clip.mp4') };
}

async function expectFailure(promise: Promise<unknown>): Promise<StudioError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the download to fail');
    },
    (e: unknown) => e,
  );
  if (!isStudioError(error)) throw error;
  return error;
}

function download(options: Partial<DownloadOptions> & { url: string }) {
  return downloadFile({ ...paths(), policy: anyAddress, ...options });
}

beforeAll(async () => {
  content = randomBytes(SIZE);
  const scratch = await mkdtemp(join(tmpdir(), 'dl-src-'));
  await writeFile(join(scratch, 'served.bin'), content);
  // The reference hash comes from coreutils, not from node:crypto.
  contentSha256 =
    execFileSync('sha256sum', [join(scratch, 'served.bin')], { encoding: 'utf8' }).split(' ')[0] ?? '';
  await rm(scratch, { recursive: true });
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-'));
});

afterEach(async () => {
  await server?.close();
  server = null;
  await rm(dir, { recursive: true, force: true });
});

describe('downloadFile: happy path', () => {
  it('downloads the whole file, hashes it like sha256sum, and renames the part into place', async () => {
    const { url, requests } = await serve();
    const progress: DownloadProgress[] = [];
    const result = await download({ url, onProgress: (p) => progress.push(p) });

    expect(result).toEqual({
      bytes: SIZE,
      sha256: contentSha256,
      etag: DEFAULT_ETAG,
      lastModified: 'Wed, 01 Jan 2025 10:00:00 GMT',
      restarts: 0,
      bytesFetched: SIZE,
    });
    expect((await readFile(paths().finalPath)).equals(content)).toBe(true);
    expect(existsSync(paths().partPath)).toBe(false);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.range).toBeNull();
    expect(requests[0]?.acceptEncoding).toBe('identity');
    expect(progress.at(-1)).toMatchObject({ bytes: SIZE, total: SIZE });
  });

  it('throttles progress and reports a speed', async () => {
    const { url } = await serve(() => ({ chunkDelayMs: 10 }));
    const progress: DownloadProgress[] = [];
    await download({ url, onProgress: (p) => progress.push(p), progressIntervalMs: 100 });
    // ~65 chunks 10 ms apart is ~0.7 s: a 100 ms throttle allows ~7 updates, never one per chunk.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.length).toBeLessThan(20);
    const positions = progress.map((p) => p.bytes);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(progress.at(-1)?.bytes).toBe(SIZE);
    expect(progress.some((p) => p.bytesPerSecond > 0)).toBe(true);
  });

  it('follows a redirect and stores under our name, not the URL', async () => {
    const target = await serve((index) => (index === 0 ? { redirectTo: '/real/location.mp4' } : {}));
    const result = await download({ url: `${target.origin}/short` });
    expect(result.sha256).toBe(contentSha256);
    expect(target.requests.map((r) => r.path)).toEqual(['/short', '/real/location.mp4']);
    expect(existsSync(paths().finalPath)).toBe(true);
  });
});

describe('downloadFile: resuming', () => {
  it('resumes after a connection reset mid-body without fetching bytes twice', async () => {
    const { url, requests } = await serve((index) =>
      index === 0 ? { cutAfter: 400 * 1024, cutHow: 'reset' } : {},
    );
    const { clock, sleeps } = instantBackoffClock();
    const result = await download({ url, clock });

    expect(result.sha256).toBe(contentSha256);
    expect(requests).toHaveLength(2);
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(requests[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(400 * 1024);
    expect(requests[1]?.ifRange).toBe(DEFAULT_ETAG);
    // Everything that arrived was kept: the waste is zero, not "the part before the reset".
    expect(result.bytesFetched - SIZE).toBe(0);
    expect(result.restarts).toBe(0);
    expect(sleeps).toEqual([250]);
  });

  it('retries a body cut short by a clean close and a second cut, then completes', async () => {
    const { url, requests } = await serve((index) =>
      index < 2 ? { cutAfter: (index + 1) * 300 * 1024, cutHow: 'close' } : {},
    );
    const { clock, sleeps } = instantBackoffClock();
    const result = await download({ url, clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests.map((r) => r.range)).toEqual([null, `bytes=${300 * 1024}-`, `bytes=${900 * 1024}-`]);
    expect(result.bytesFetched).toBe(SIZE);
    expect(sleeps).toEqual([250, 250]); // each cut attempt brought bytes: no escalation
  });

  it('detects a short body that ended cleanly (chunked) by the Content-Range total', async () => {
    const { url, requests } = await serve((index) => {
      if (index === 0) return { cutAfter: 100 * 1024, cutHow: 'close' };
      if (index === 1) return { chunked: true, cutAfter: 200 * 1024 }; // clean end, 206 says more
      return {};
    });
    const result = await download({ url, clock: instantBackoffClock().clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests.map((r) => r.range)).toEqual([null, `bytes=${100 * 1024}-`, `bytes=${300 * 1024}-`]);
  });

  it('keeps going while every attempt brings new bytes, even past maxAttempts drops', async () => {
    const { url, requests } = await serve(() => ({ cutAfter: 100 * 1024, cutHow: 'close' }));
    const { clock, sleeps } = instantBackoffClock();
    const result = await download({ url, maxAttempts: 2, clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests).toHaveLength(Math.ceil(SIZE / (100 * 1024)));
    expect(new Set(sleeps)).toEqual(new Set([250])); // progress resets the backoff too
  });

  it('fails with a network error after maxAttempts attempts in a row with no new bytes, keeping the part', async () => {
    const { url, requests } = await serve((index) =>
      index === 0 ? { cutAfter: 150 * 1024, cutHow: 'close' } : { cutAfter: 0, cutHow: 'close' },
    );
    const checkpoints: ResumeState[] = [];
    const { clock, sleeps } = instantBackoffClock();
    const error = await expectFailure(
      download({ url, maxAttempts: 3, clock, onCheckpoint: (s) => checkpoints.push(s) }),
    );
    expect(error.kind).toBe('network');
    // The first attempt made progress (count restarts at 1), then two empty ones reach 3.
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
    expect(existsSync(paths().finalPath)).toBe(false);
    expect(statSync(paths().partPath).size).toBe(150 * 1024);
    expect(checkpoints.at(-1)).toEqual({
      bytesDone: 150 * 1024,
      etag: DEFAULT_ETAG,
      lastModified: expect.any(String),
    });
  });

  it('resumes across calls from the persisted ResumeState', async () => {
    const first = await serve(() => ({ cutAfter: 256 * 1024, cutHow: 'close' }));
    const checkpoints: ResumeState[] = [];
    const error = await expectFailure(
      download({ url: first.url, maxAttempts: 1, onCheckpoint: (s) => checkpoints.push(s) }),
    );
    expect(error.kind).toBe('network');
    const saved = checkpoints.at(-1);
    expect(saved?.bytesDone).toBe(256 * 1024);
    expect(existsSync(paths().finalPath)).toBe(false);

    // "Next app start": a new call with only the saved state to go on.
    first.setPlan(() => ({}));
    const result = await download({ url: first.url, resume: saved ?? null });
    expect(result.sha256).toBe(contentSha256);
    expect(first.requests.at(-1)?.range).toBe(`bytes=${256 * 1024}-`);
    expect(result.bytesFetched).toBe(SIZE - 256 * 1024);
  });

  it('trusts only the checkpointed bytes of a part file (a crash may leave garbage after them)', async () => {
    const { url, requests } = await serve();
    const keep = 300_000;
    await mkdir(join(dir, 'lib'));
    await writeFile(paths().partPath, Buffer.concat([content.subarray(0, keep), randomBytes(5_000)]));
    const result = await download({
      url,
      resume: { bytesDone: keep, etag: DEFAULT_ETAG, lastModified: null },
    });
    expect(result.sha256).toBe(contentSha256);
    expect(requests.at(-1)?.range).toBe(`bytes=${keep}-`);
  });

  it('starts from zero when the saved state points at a part file that is gone', async () => {
    const { url, requests } = await serve();
    const result = await download({
      url,
      resume: { bytesDone: 500_000, etag: DEFAULT_ETAG, lastModified: null },
    });
    expect(result.sha256).toBe(contentSha256);
    expect(requests[0]).toMatchObject({ range: null, ifRange: null });
  });

  it('completes without refetching when the part already holds every byte (416)', async () => {
    const { url, requests } = await serve();
    await mkdir(join(dir, 'lib'));
    await writeFile(paths().partPath, content);
    const result = await download({
      url,
      resume: { bytesDone: SIZE, etag: DEFAULT_ETAG, lastModified: null },
    });
    expect(result).toMatchObject({ bytes: SIZE, sha256: contentSha256, bytesFetched: 0, restarts: 0 });
    expect(requests.at(-1)?.range).toBe(`bytes=${SIZE}-`);
  });

  it('resumes after a stalled body (no bytes for stallTimeoutMs)', async () => {
    const { url, requests } = await serve((index) => (index === 0 ? { stallAfter: 128 * 1024 } : {}));
    const result = await download({ url, stallTimeoutMs: 300, clock: instantBackoffClock().clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests[1]?.range).toBe(`bytes=${128 * 1024}-`);
  });
});

describe('downloadFile: restarts when the part cannot be continued', () => {
  it('restarts from zero when If-Range does not match (the file changed)', async () => {
    const { url, requests } = await serve();
    await mkdir(join(dir, 'lib'));
    await writeFile(paths().partPath, randomBytes(200_000)); // bytes of the *old* file
    const result = await download({
      url,
      resume: { bytesDone: 200_000, etag: '"old-etag"', lastModified: null },
    });
    expect(requests.at(-1)).toMatchObject({ range: 'bytes=200000-', ifRange: '"old-etag"' });
    expect(result).toMatchObject({ sha256: contentSha256, restarts: 1, bytesFetched: SIZE });
    expect((await readFile(paths().finalPath)).equals(content)).toBe(true);
  });

  it('restarts when a server ignores If-Range but the ETag shows the file changed', async () => {
    const { url } = await serve(() => ({ ignoreIfRange: true }));
    await mkdir(join(dir, 'lib'));
    await writeFile(paths().partPath, randomBytes(200_000));
    const result = await download({ url, resume: { bytesDone: 200_000, etag: '"old"', lastModified: null } });
    expect(result).toMatchObject({ sha256: contentSha256, restarts: 1 });
  });

  it('uses Last-Modified for If-Range when the ETag is weak', async () => {
    const { url, requests } = await serve((index) => ({
      etag: 'W/"weak"',
      ...(index === 0 ? { cutAfter: 64 * 1024, cutHow: 'close' as const } : {}),
    }));
    const result = await download({ url, clock: instantBackoffClock().clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests[1]?.ifRange).toBe('Wed, 01 Jan 2025 10:00:00 GMT');
    expect(result.restarts).toBe(0);
  });

  it('truncates and starts over when the server ignores Range (200 to a resume)', async () => {
    const { url, requests } = await serve((index) =>
      index === 0 ? { cutAfter: 300 * 1024, cutHow: 'close' } : { ignoreRange: true },
    );
    const result = await download({ url, clock: instantBackoffClock().clock });
    expect(requests[1]?.range).toBe(`bytes=${300 * 1024}-`);
    expect(result).toMatchObject({ sha256: contentSha256, restarts: 1, bytesFetched: SIZE + 300 * 1024 });
    expect(statSync(paths().finalPath).size).toBe(SIZE);
  });
});

describe('downloadFile: failures', () => {
  it.each([403, 404, 410])('HTTP %i means the result link expired (not retried)', async (status) => {
    const { url, requests } = await serve(() => ({ status }));
    const error = await expectFailure(download({ url, clock: instantBackoffClock().clock }));
    expect(error.kind).toBe('expired');
    expect(error.httpStatus).toBe(status);
    expect(error.userMessage).toMatch(/expired.*APIXO keeps results for a limited time/);
    expect(requests).toHaveLength(1);
    expect(existsSync(paths().finalPath)).toBe(false);
  });

  it('other 4xx is a protocol error and is not retried', async () => {
    const { url, requests } = await serve(() => ({ status: 400 }));
    const error = await expectFailure(download({ url }));
    expect(error.kind).toBe('protocol');
    expect(requests).toHaveLength(1);
    expect(existsSync(paths().finalPath)).toBe(false);
  });

  it('retries a 500 and then succeeds', async () => {
    const { url, requests } = await serve((index) => (index === 0 ? { status: 500 } : {}));
    const { clock, sleeps } = instantBackoffClock();
    const result = await download({ url, clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it('honours Retry-After on a 503, and gives up with a server error after maxAttempts', async () => {
    const { url, requests } = await serve(() => ({ status: 503, retryAfter: '2' }));
    const { clock, sleeps } = instantBackoffClock();
    const error = await expectFailure(download({ url, clock, maxAttempts: 3 }));
    expect(error.kind).toBe('server');
    expect(error.httpStatus).toBe(503);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
    expect(existsSync(paths().finalPath)).toBe(false);
  });

  it('a 429 from the file server is a request to wait: retried after Retry-After, then completes', async () => {
    const { url, requests } = await serve((index) => (index < 2 ? { status: 429, retryAfter: '3' } : {}));
    const { clock, sleeps } = instantBackoffClock();
    const result = await download({ url, clock });
    expect(result.sha256).toBe(contentSha256);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('retries a refused connection with growing backoff, then reports a network error', async () => {
    const closed = await startFileServer(content);
    const url = closed.url;
    await closed.close();
    const { clock, sleeps } = instantBackoffClock();
    const error = await expectFailure(download({ url, clock, maxAttempts: 4 }));
    expect(error.kind).toBe('network');
    expect(error.detail).toContain('ECONNREFUSED');
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/a.mp4', 'not a url'])('refuses %s', async (url) => {
    const error = await expectFailure(download({ url }));
    expect(error.kind).toBe('invalid_request');
    expect(existsSync(paths().partPath)).toBe(false);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const { url } = await serve(() => ({ redirectTo: 'file:///etc/passwd' }));
    const error = await expectFailure(download({ url }));
    expect(error.kind).toBe('invalid_request');
    expect(existsSync(paths().finalPath)).toBe(false);
  });

  it('abort: cancelled, the part is kept, a checkpoint matches it, and a later call finishes', async () => {
    const { url, requests, setPlan } = await serve(() => ({ chunkDelayMs: 15 }));
    const controller = new AbortController();
    const checkpoints: ResumeState[] = [];
    const error = await expectFailure(
      download({
        url,
        signal: controller.signal,
        progressIntervalMs: 0,
        onProgress: (p) => {
          if (p.bytes >= 200 * 1024) controller.abort();
        },
        onCheckpoint: (s) => checkpoints.push(s),
      }),
    );
    expect(error.kind).toBe('cancelled');
    expect(existsSync(paths().finalPath)).toBe(false);
    const partSize = statSync(paths().partPath).size;
    expect(partSize).toBeGreaterThanOrEqual(200 * 1024);
    expect(partSize).toBeLessThan(SIZE);
    expect(checkpoints.at(-1)?.bytesDone).toBe(partSize);

    setPlan(() => ({}));
    const result = await download({ url, resume: checkpoints.at(-1) ?? null });
    expect(result.sha256).toBe(contentSha256);
    expect(requests.at(-1)?.range).toBe(`bytes=${partSize}-`);
  });

  it('abort during backoff is a cancel too', async () => {
    const { url } = await serve(() => ({ status: 500 }));
    const controller = new AbortController();
    const pending = download({ url, signal: controller.signal, maxAttempts: 5 });
    setTimeout(() => controller.abort(), 100); // first backoff is 250 ms of real time
    const error = await expectFailure(pending);
    expect(error.kind).toBe('cancelled');
  });
});

describe('downloadFile: checkpoints', () => {
  it('emits periodic checkpoints that never point past the bytes on disk', async () => {
    const { url } = await serve(() => ({ chunkDelayMs: 10 }));
    const seen: { bytesDone: number; onDisk: number }[] = [];
    await download({
      url,
      checkpointIntervalMs: 100,
      onCheckpoint: (s) => seen.push({ bytesDone: s.bytesDone, onDisk: statSync(paths().partPath).size }),
    });
    expect(seen.length).toBeGreaterThan(2);
    for (const { bytesDone, onDisk } of seen) {
      expect(bytesDone).toBeGreaterThan(0);
      expect(bytesDone).toBeLessThanOrEqual(onDisk);
    }
    const done = seen.map((s) => s.bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

describe('downloadFile: syncing while the bytes arrive', () => {
  it('fsyncs every 16 MB in the background but reports checkpoints only as often as asked', async () => {
    const big = randomBytes(40 * 1024 * 1024);
    server = await startFileServer(big);
    const syncs = vi.spyOn(PartFile.prototype, 'syncWritten');
    const reports: number[] = [];
    const frozen: Clock = { ...systemClock, now: () => 0 }; // no checkpoint is ever due by time
    try {
      const result = await download({
        url: server.url,
        clock: frozen,
        onCheckpoint: (s) => reports.push(s.bytesDone),
      });
      expect(result.bytes).toBe(big.length);
      // At 16 and 32 MB (the final sync of the finished file is one more).
      expect(syncs.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(reports).toEqual([]);
    } finally {
      syncs.mockRestore();
    }
  });
});
