// Result files: the right real MP4, validators, Range / If-Range / 416, HEAD, and expiry.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIP_FILES } from '../../main/demo/clips';
import { DEFAULT_MEDIA_DIR, type Simulator, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { dataOf, download, get, status, submitOk, textToVideo } from './sim-http';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const DAY = 24 * 60 * 60 * 1000;

async function finishedResult(aspect = '16:9', timeScale = 1) {
  const clock = new FakeClock();
  const s = await startSimulator({ clock, timeScale });
  sim = s;
  const taskId = await submitOk(s, textToVideo({ aspect_ratio: aspect }));
  await clock.advance(70_000 * timeScale);
  const task = s.tasks()[0];
  if (!task?.resultUrl) throw new Error('task did not finish');
  return { s, clock, taskId, url: task.resultUrl };
}

const clipBytes = (aspect: keyof typeof CLIP_FILES) => readFile(join(DEFAULT_MEDIA_DIR, CLIP_FILES[aspect]));

describe('result download', () => {
  it.each(['16:9', '9:16', '1:1'] as const)(
    'serves the %s clip as a real MP4 with validators',
    async (aspect) => {
      const { s, url } = await finishedResult(aspect);
      const expected = await clipBytes(aspect);
      const answer = await download(url);
      expect(answer.status).toBe(200);
      expect(answer.bytes.equals(expected)).toBe(true);
      expect(answer.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
      expect(answer.headers).toMatchObject({
        'content-type': 'video/mp4',
        'accept-ranges': 'bytes',
        'content-length': String(expected.length),
        etag: expect.stringMatching(/^"[0-9a-f]+"$/),
        'last-modified': new Date(s.tasks()[0]?.completeTime ?? 0).toUTCString(),
      });
      expect(s.stats.downloads).toBe(1);
      expect(s.stats.downloadBytes).toBe(expected.length);
    },
  );

  it('keeps every clip small (≤ 300 kB) and faststart (moov before mdat)', async () => {
    for (const aspect of ['16:9', '9:16', '1:1'] as const) {
      const bytes = await clipBytes(aspect);
      expect(bytes.length).toBeLessThanOrEqual(300_000);
      expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
    }
  });

  it('answers a Range with 206 and exactly those bytes; suffix and open ranges too', async () => {
    const { url } = await finishedResult();
    const full = await clipBytes('16:9');
    const middle = await download(url, { range: 'bytes=100-199' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 100-199/${full.length}`);
    expect(middle.bytes.equals(full.subarray(100, 200))).toBe(true);

    const tail = await download(url, { range: 'bytes=-50' });
    expect(tail.status).toBe(206);
    expect(tail.bytes.equals(full.subarray(full.length - 50))).toBe(true);

    const rest = await download(url, { range: `bytes=${full.length - 10}-` });
    expect(rest.headers['content-range']).toBe(`bytes ${full.length - 10}-${full.length - 1}/${full.length}`);
    expect(rest.bytes.length).toBe(10);
  });

  it('answers 416 with Content-Range */size when the range starts past the end', async () => {
    const { url } = await finishedResult();
    const size = (await clipBytes('16:9')).length;
    const answer = await download(url, { range: `bytes=${size}-` });
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe(`bytes */${size}`);
  });

  it('honours If-Range only when the validator matches', async () => {
    const { url } = await finishedResult();
    const first = await download(url);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect((await download(url, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
    expect((await download(url, { range: 'bytes=0-9', 'if-range': lastModified })).status).toBe(206);
    const stale = await download(url, { range: 'bytes=0-9', 'if-range': '"some-older-etag"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.equals(first.bytes)).toBe(true);
    const weak = await download(url, { range: 'bytes=0-9', 'if-range': `W/${etag}` });
    expect(weak.status).toBe(200);
    const oldDate = await download(url, { range: 'bytes=0-9', 'if-range': new Date(0).toUTCString() });
    expect(oldDate.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const { url } = await finishedResult();
    const answer = await get(url, {}, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    expect(Number(answer.headers['content-length'])).toBe((await clipBytes('16:9')).length);
  });

  it('answers 404 for unknown tokens and for tasks that have not finished', async () => {
    const clock = new FakeClock();
    const s = await startSimulator({ clock });
    sim = s;
    expect((await get(`${s.url}/results/abcdef.mp4`)).status).toBe(404);
    const taskId = await submitOk(s);
    // The bad_result_json fault leaks the real URL of a task that is still pending.
    s.faults.inject({ kind: 'bad_result_json', phase: 'status', times: 1 });
    const leaked = /"(http[^"]+\.mp4)"/.exec(String(dataOf(await status(s, taskId)).resultJson))?.[1] ?? '';
    expect(leaked).toMatch(/\/results\/[0-9a-f]+\.mp4$/);
    expect((await get(leaked)).status).toBe(404);
    await clock.advance(70_000);
    expect((await get(leaked)).status).toBe(200);
  });

  it('expires after the 15-day lifetime, scaled by timeScale', async () => {
    const { s, clock, url, taskId } = await finishedResult('16:9', 0.001);
    const completeTime = s.tasks()[0]?.completeTime ?? 0;
    await clock.advanceTo(completeTime + 15 * DAY * 0.001 - 1);
    expect((await download(url)).status).toBe(200);
    await clock.advance(1);
    const gone = await get(url);
    expect(gone.status).toBe(410);
    expect(gone.json).toEqual({ code: 410, message: 'Result has expired', data: null });
    expect(s.tasks()[0]?.resultExpired).toBe(true);
    // The status endpoint still shows the (now dead) URL, as the real service would.
    expect((await status(s, taskId)).status).toBe(200);
  });

  it('expireResults() makes a URL answer 410 at once', async () => {
    const { s, url, taskId } = await finishedResult();
    expect((await download(url)).status).toBe(200);
    s.expireResults(taskId);
    expect((await get(url)).status).toBe(410);
  });
});
