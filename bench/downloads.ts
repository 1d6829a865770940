// 3. Downloads. A 200 MB file over loopback from a Range-capable server in another process:
// our downloadFile (streaming sha256, checkpoints with fsync, verified length, fsync + atomic
// rename, exactly as the engine calls it) against `curl -s -o` in the same run: curl alone, curl
// then fsync (the durability the headline compares), and curl then a SHA-256 of the file then
// fsync (the same work, done one step after another). Another row, the same HTTP client reading
// the body and throwing it away, shows the ceiling of any Node download on this machine. Then the
// same download with 5 connection resets: bytes fetched beyond the file size, and the sha256.
//
// The machine's load moves every client's speed 2-4× between rounds, so each round runs all five
// clients back to back (in a rotating order) and the headline ratios are per round, reported as
// min / median / max over the rounds, not a ratio of medians taken at different moments.
//
//   node bench/run.mjs downloads [--mb 200] [--rounds 5]
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { downloadFile } from '../main/core/downloads/download-file';
import { anyAddress } from '../main/core/net/address-policy';
import { ask, forkTs, stopChild } from './lib/child';
import { check, table, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MB = arg('--mb', 200);
const ROUNDS = arg('--rounds', 5);
const RESETS = 5;

const dir = mkdtempSync(join(tmpdir(), 'wan-bench-download-'));
const source = join(dir, 'source.mp4');

function writeSourceFile(): string {
  const hash = createHash('sha256');
  const fd = openSync(source, 'w');
  for (let index = 0; index < MB; index++) {
    const block = randomBytes(1024 * 1024);
    hash.update(block);
    writeSync(fd, block);
  }
  closeSync(fd);
  return hash.digest('hex');
}

async function ours(url: string, name: string) {
  const finalPath = join(dir, `${name}.mp4`);
  const started = performance.now();
  const result = await downloadFile({
    url,
    policy: anyAddress, // a loopback server stands in for the CDN
    partPath: `${finalPath}.part`,
    finalPath,
    maxAttempts: 10,
    onCheckpoint: () => {}, // as the engine does: fsync the part about once a second
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(finalPath);
  return { seconds, result };
}

/** undici (which downloadFile uses) reading the body into nothing: no disk, no hash. */
async function discard(url: string): Promise<number> {
  const started = performance.now();
  const response = await request(url);
  let bytes = 0;
  for await (const chunk of response.body) bytes += (chunk as Buffer).length;
  if (bytes !== MB * 1024 * 1024) throw new Error('discard read the wrong size');
  return (performance.now() - started) / 1000;
}

/**
 * curl alone; curl then one fsync of its file (the durability downloadFile gives); or curl, then the
 * file's SHA-256 by OpenSSL (which uses the CPU's SHA instructions, as Node does), then the fsync:
 * the same work downloadFile does, one step after another.
 */
function curl(url: string, mode: 'plain' | 'fsync' | 'hash+fsync'): number {
  const target = join(dir, 'curl.mp4');
  const started = performance.now();
  const run = spawnSync('curl', ['-s', '-o', target, url]);
  if (run.status !== 0) throw new Error(`curl failed: ${run.stderr}`);
  if (mode === 'hash+fsync') {
    const digest = spawnSync('openssl', ['dgst', '-sha256', '-r', target], { encoding: 'utf8' });
    if (digest.stdout.split(' ')[0] !== expectedSha) throw new Error(`openssl: ${digest.stderr}`);
  }
  if (mode !== 'plain') {
    const fd = openSync(target, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  }
  const seconds = (performance.now() - started) / 1000;
  if (statSync(target).size !== MB * 1024 * 1024) throw new Error('curl fetched the wrong size');
  rmSync(target);
  return seconds;
}

const expectedSha = writeSourceFile();
const size = statSync(source).size;
const server = forkTs(join(import.meta.dirname, 'lib', 'range-server.ts'));
try {
  const { url } = await ask<{ url: string }>(server, { type: 'start', file: source }, 'started');
  const mbps = (seconds: number) => size / 1024 / 1024 / seconds;
  const oursRuns: number[] = [];
  const curlRuns: number[] = [];
  const curlSyncRuns: number[] = [];
  const curlHashSyncRuns: number[] = [];
  const discardRuns: number[] = [];
  let shaOk = true;
  const syncRatios: number[] = [];
  const sameWorkRatios: number[] = [];
  const plainRatios: number[] = [];
  const ceilingRatios: number[] = [];
  // Interleaved, so all four see the same machine conditions (page cache, other load); the order
  // rotates so that no client always runs first (or right after curl's fsync).
  const clients = ['curl', 'curlSync', 'curlHashSync', 'discard', 'ours'] as const;
  for (let round = 0; round < ROUNDS; round++) {
    const speeds: Record<(typeof clients)[number], number> = {
      curl: 0,
      curlSync: 0,
      curlHashSync: 0,
      discard: 0,
      ours: 0,
    };
    for (let step = 0; step < clients.length; step++) {
      const client = clients[(round + step) % clients.length] ?? 'ours';
      if (client === 'curl') speeds.curl = mbps(curl(url, 'plain'));
      else if (client === 'curlSync') speeds.curlSync = mbps(curl(url, 'fsync'));
      else if (client === 'curlHashSync') speeds.curlHashSync = mbps(curl(url, 'hash+fsync'));
      else if (client === 'discard') speeds.discard = mbps(await discard(url));
      else {
        const run = await ours(url, `ours-${round}`);
        shaOk &&= run.result.sha256 === expectedSha;
        speeds.ours = mbps(run.seconds);
      }
    }
    curlRuns.push(speeds.curl);
    curlSyncRuns.push(speeds.curlSync);
    curlHashSyncRuns.push(speeds.curlHashSync);
    discardRuns.push(speeds.discard);
    oursRuns.push(speeds.ours);
    syncRatios.push(speeds.ours / speeds.curlSync);
    sameWorkRatios.push(speeds.ours / speeds.curlHashSync);
    plainRatios.push(speeds.ours / speeds.curl);
    ceilingRatios.push(speeds.ours / speeds.discard);
  }
  const oursMedian = summarize(oursRuns).p50;
  const curlMedian = summarize(curlRuns).p50;
  const discardMedian = summarize(discardRuns).p50;
  const syncRatio = round(summarize(syncRatios).p50, 3);
  const sameWorkRatio = round(summarize(sameWorkRatios).p50, 3);
  const ratio = round(summarize(plainRatios).p50, 3);
  const ceiling = round(discardMedian / curlMedian, 3);
  /** "min / median / max" of per-round ratios. */
  const spread = (values: number[]) =>
    [Math.min(...values), summarize(values).p50, Math.max(...values)].map((v) => round(v, 2)).join(' / ');

  // Resets spread over the file, at odd offsets (mid-chunk).
  const offsets = Array.from(
    { length: RESETS },
    (_, i) => Math.floor((size * (i + 1)) / (RESETS + 1)) + 12_345,
  );
  await ask(server, { type: 'resets', at: offsets }, 'armed');
  const before = await ask<{ bytesSent: number }>(server, { type: 'stats' }, 'stats');
  const flaky = await ours(url, 'flaky');
  const after = await ask<{ bytesSent: number; resetsLeft: number }>(server, { type: 'stats' }, 'stats');
  const overfetchPct = round(((flaky.result.bytesFetched - size) / size) * 100, 3);
  const serverOverPct = round(((after.bytesSent - before.bytesSent - size) / size) * 100, 3);
  const flakyShaOk = flaky.result.sha256 === expectedSha && flaky.result.bytes === size;

  console.log(
    table(
      ['client', 'MB/s runs', 'median MB/s'],
      [
        ['curl -s -o', curlRuns.map((v) => round(v, 0)).join(' / '), round(curlMedian, 0)],
        [
          'curl -s -o, then fsync',
          curlSyncRuns.map((v) => round(v, 0)).join(' / '),
          round(summarize(curlSyncRuns).p50, 0),
        ],
        [
          'curl -s -o, then sha256 (openssl), then fsync',
          curlHashSyncRuns.map((v) => round(v, 0)).join(' / '),
          round(summarize(curlHashSyncRuns).p50, 0),
        ],
        ['undici, body discarded', discardRuns.map((v) => round(v, 0)).join(' / '), round(discardMedian, 0)],
        ['downloadFile', oursRuns.map((v) => round(v, 0)).join(' / '), round(oursMedian, 0)],
      ],
    ),
  );
  writeResult({
    name: 'downloads',
    title: `Downloads: ${MB} MB over loopback, downloadFile vs curl; then ${RESETS} connection resets`,
    headlines: [
      check(
        'downloadFile ÷ (curl + fsync), same durability: median of per-round ratios',
        syncRatio,
        '≥ 1.0',
        syncRatio >= 1,
      ),
      check('  per round: min / median / max', spread(syncRatios), '', null),
      check(
        'downloadFile ÷ (curl, then sha256, then fsync), the same work: median of per-round ratios',
        sameWorkRatio,
        '',
        null,
      ),
      check('  per round: min / median / max', spread(sameWorkRatios), '', null),
      check('downloadFile ÷ plain curl: median of per-round ratios', ratio, '≥ 0.9', ratio >= 0.9),
      check('  per round: min / median / max', spread(plainRatios), '', null),
      check('ceiling: undici reading into nothing ÷ curl (medians)', ceiling, '', null),
      check('downloadFile ÷ that ceiling, per round: min / median / max', spread(ceilingRatios), '', null),
      check('sha256 correct (clean runs)', shaOk ? 'yes' : 'no', 'yes', shaOk),
      check(`bytes received beyond file size, ${RESETS} resets (%)`, overfetchPct, '≤ 1', overfetchPct <= 1),
      check('sha256 and length correct after resets', flakyShaOk ? 'yes' : 'no', 'yes', flakyShaOk),
      check('resets that really happened', RESETS - after.resetsLeft, `${RESETS}`, after.resetsLeft === 0),
    ],
    details: {
      curlFsyncMBps: curlSyncRuns,
      curlSha256FsyncMBps: curlHashSyncRuns,
      perRound: {
        oursOverCurlFsync: syncRatios,
        oursOverCurlSha256Fsync: sameWorkRatios,
        oursOverCurl: plainRatios,
        oursOverDiscard: ceilingRatios,
      },
      sizeBytes: size,
      curlMBps: curlRuns,
      discardMBps: discardRuns,
      oursMBps: oursRuns,
      flaky: {
        seconds: flaky.seconds,
        bytesFetched: flaky.result.bytesFetched,
        restarts: flaky.result.restarts,
        serverBytesSentBeyondSizePct: serverOverPct,
      },
    },
    setup: { mb: MB, rounds: ROUNDS, resets: RESETS, resetOffsets: offsets },
  });
} finally {
  await stopChild(server, { type: 'close' });
  rmSync(dir, { recursive: true, force: true });
}
