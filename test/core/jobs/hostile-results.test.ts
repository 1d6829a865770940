// The engine meets result links and bodies it must not accept: the job fails with a clear reason,
// at once (not polled again) for a link that can never work, and nothing lands in the library, not
// even a `.part`. The real stack: simulator on loopback, SQLite library, client and downloader.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publicInternetOnly } from '../../../main/core/net/address-policy';
import type { FaultSpec } from '../../../main/demo/faults';
import { type Harness, type HarnessOptions, startHarness } from '../../helpers/engine-harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** Every file under the library folder except the app's own database and lock. */
async function libraryFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .filter((path) => !path.startsWith('.wanstudio'));
}

async function runOne(faults: FaultSpec[], options: HarnessOptions = {}) {
  harness = await startHarness(options);
  for (const fault of faults) harness.sim.faults.inject(fault);
  const [created] = harness.create({ prompt: 'a hostile result' });
  const settled = await harness.settle(created?.id ?? '', 20_000);
  return { settled, files: await libraryFiles(harness.library.root) };
}

describe('result links the download refuses', () => {
  it.each([
    ['file:///etc/passwd', /The result link is not a web address \(http or https\)/],
    ['ftp://cdn.example.com/video.mp4', /The result link is not a web address \(http or https\)/],
    ['http://user:pass@cdn.example.com/video.mp4', /contains a user name or password/],
  ])('%s → failed at once with the reason, nothing downloaded', async (resultUrl, message) => {
    const { settled, files } = await runOne([{ kind: 'bad_result_url', phase: 'status', resultUrl }]);
    expect(settled.state).toBe('failed');
    expect(settled.errorKind).toBe('invalid_request');
    expect(settled.errorMessage).toMatch(message);
    expect(settled.video).toBeNull();
    expect(files).toEqual([]);
    expect(harness?.library.getPartialDownload(settled.id)).toBeNull();
    // A final answer: the job did not go back to asking APIXO about it again and again.
    expect(harness?.sim.stats.statusQueries).toBeLessThanOrEqual(2);
    expect(harness?.sim.stats.downloads).toBe(0);
  });

  it('with the real-API policy, a result on this machine (loopback) is refused without a request', async () => {
    const { settled, files } = await runOne([], { resultLinkPolicy: publicInternetOnly });
    expect(settled.state).toBe('failed');
    expect(settled.errorMessage).toMatch(
      /The result link's host 127\.0\.0\.1 is a private or local address \(127\.0\.0\.1\)\. APIXO's results are on the public internet/,
    );
    expect(harness?.sim.stats.downloads).toBe(0);
    expect(files).toEqual([]);
  });
});

describe('a body that is not an MP4', () => {
  it('18 bytes of HTML are never "done": retried, then failed, with no file left', async () => {
    const { settled, files } = await runOne([{ kind: 'not_mp4', phase: 'download' }]);
    expect(settled.state).toBe('failed');
    expect(settled.errorMessage).toMatch(/did not send a playable video \(18 bytes; not an MP4 video\)/);
    expect(settled.video).toBeNull();
    expect(files).toEqual([]);
    expect(harness?.sim.stats.downloads).toBeGreaterThan(1); // could be a passing glitch: tried again
  });

  it('once: the next attempt gets the real video', async () => {
    const { settled, files } = await runOne([{ kind: 'not_mp4', phase: 'download', times: 1 }]);
    expect(settled.state).toBe('done');
    expect(settled.video?.width).toBeGreaterThan(0);
    expect(files).toEqual([settled.video?.relPath]);
  });
});
