// Image-to-video from a file on this computer, through the real core: the image is judged and kept
// in the library, uploaded to a real S3-compatible server (SigV4 checked) just before submit, and
// the simulator fetches it through the presigned link. Every refusal sends nothing.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AddressPolicy, publicInternetOnly } from '../../main/core/net/address-policy';
import type { Simulator } from '../../main/demo/simulator';
import { isStudioApiError } from '../../main/service/in-process-api';
import type { GenerationParams, GenerationRecord } from '../../shared/contract/contract';
import { startLocalServer } from '../demo/sim-http';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { fixtureImage, halvesPng, noisePng, PDF_BYTES, sidewaysJpeg, tinyPng } from '../helpers/images';
import { S3_CREDENTIALS, startS3, type TestS3 } from '../helpers/s3-server';

const I2V: GenerationParams = {
  mode: 'image-to-video',
  prompt: 'the scene slowly comes to life, gentle camera push in',
  resolution: '720p',
  duration: 5,
  promptExpansion: true,
  provider: 'auto',
};

let harness: CoreHarness;
let s3: TestS3;

beforeEach(async () => {
  s3 = await startS3();
});
afterEach(async () => {
  await harness?.close();
  await s3.close();
});

async function start(options: { publicAddressPolicy?: AddressPolicy } = {}) {
  harness = await startCoreHarness({ core: options });
  return harness.core.api;
}

async function configureHosting(patch = {}, secret = S3_CREDENTIALS.secretAccessKey) {
  const api = harness.core.api;
  await api.settings.update({ imageHosting: s3.settings(patch) });
  return api.hosting.setCredentials({
    accessKeyId: S3_CREDENTIALS.accessKeyId,
    secretAccessKey: secret,
    where: 'session',
  });
}

/** A file the user dropped: on disk, named to main by its path (no bytes cross the contract). */
async function inspectFile(name: string, bytes: Uint8Array) {
  const folder = await mkdtemp(join(harness.dir, 'dropped-'));
  const path = join(folder, name);
  await writeFile(path, bytes);
  return harness.core.api.images.inspect({ file: { via: 'path', path } });
}

const demoSim = (): Simulator => {
  const sim = harness.core.demoSimulator();
  if (!sim) throw new Error('no demo simulator');
  return sim;
};
const submitsSeen = (sim: Simulator) => sim.stats.submitsAccepted + sim.stats.submitsRejected;
const puts = () => s3.requests.filter((request) => request.method === 'PUT').length;

async function settle(record: GenerationRecord | undefined, states = ['done']): Promise<GenerationRecord> {
  await harness.waitForState(record?.id ?? '', states, 30_000);
  const stored = await harness.core.api.generations.get({ id: record?.id ?? '' });
  if (!stored) throw new Error('generation vanished');
  return stored;
}

async function failureOf(run: () => unknown): Promise<{ kind: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (isStudioApiError(error)) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('image-to-video with a local file and image hosting', () => {
  it('uploads, presigns, the simulator fetches the link, and the video arrives with its reference image', async () => {
    const api = await start();
    const status = await configureHosting();
    expect(status).toMatchObject({ accessKeyIdSet: true, secretSet: true, ready: true, missing: [] });

    const png = await halvesPng(160, 96);
    const inspection = await inspectFile('harbour.png', png);
    expect(inspection).toMatchObject({ status: 'ready', width: 160, height: 96, format: 'png' });
    // Nothing leaves this computer before submit.
    expect(s3.requests).toHaveLength(0);

    const [created] = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [inspection.sha256 ?? ''],
    });
    expect(created).toMatchObject({ imageSource: 'hosted', referenceImagePath: inspection.relPath });
    expect(created?.params.imageUrl).toBeUndefined();

    const done = await settle(created);
    const key = `/wan-refs/wan-studio/${inspection.sha256}.png`;
    expect(done.params.imageUrl).toMatch(new RegExp(`^${s3.url}${key}\\?.*X-Amz-Signature=`));
    expect(done.imageUrlExpiresAt).toBeGreaterThan(done.submittedAt ?? 0);
    expect(done.video?.relPath).toMatch(/\.mp4$/);
    // Uploaded with a signed PUT, then fetched through the presigned link by the simulator.
    expect(s3.requests.filter((request) => request.path === key).map((request) => request.method)).toEqual([
      'PUT',
      'GET',
    ]);
    const task = demoSim().tasks()[0];
    expect(task?.imageCheck).toBe('ok');
    expect(task?.imageCheckDetail).toBe(`png, ${png.length} bytes`);
    // The reference image is in the library, byte for byte.
    const kept = await readFile(
      join((await harness.core.api.app.info()).libraryRoot, ...(done.referenceImagePath ?? '').split('/')),
    );
    expect(kept.equals(png)).toBe(true);
  });

  it('makes a batch from several images, and remix reuses a link that is still valid', async () => {
    const api = await start();
    await configureHosting();
    const first = await inspectFile('a.png', await halvesPng(100, 100));
    const second = await inspectFile('b.jpg', fixtureImage('photo-80x64.jpg'));
    const batch = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [first.sha256 ?? '', second.sha256 ?? ''],
    });
    expect(batch).toHaveLength(2);
    expect(batch[0]?.batchId).toBeTruthy();
    expect(batch[1]?.batchId).toBe(batch[0]?.batchId);
    const done = await Promise.all(batch.map((record) => settle(record)));
    expect(done.map((record) => record.referenceImagePath)).toEqual([first.relPath, second.relPath]);
    expect(puts()).toBe(2);

    const [remix] = await api.generations.create({
      params: { ...I2V, prompt: 'same image, stormier sea' },
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [first.sha256 ?? ''],
    });
    const remixed = await settle(remix);
    expect(puts()).toBe(2); // no second upload
    expect(remixed.params.imageUrl).toBe(done[0]?.params.imageUrl);
  });

  it('deletes the uploaded copy once the task is finished, when asked to', async () => {
    const api = await start();
    await configureHosting({ deleteAfterTask: true });
    const image = await inspectFile('a.png', await halvesPng(90, 90));
    const [created] = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [image.sha256 ?? ''],
    });
    await settle(created);
    const key = `/wan-refs/wan-studio/${image.sha256}.png`;
    await expect
      .poll(() => s3.requests.filter((request) => request.path === key).map((request) => request.method))
      .toEqual(['PUT', 'GET', 'DELETE']);
  });

  it('keeps the uploaded copy while a job that shares it is uncertain (its task may be running)', async () => {
    const api = await start();
    await configureHosting({ deleteAfterTask: true });
    const image = await inspectFile('a.png', await halvesPng(90, 90));
    // The first submit's answer is lost after the task was made: that job is uncertain, not done.
    demoSim().faults.inject({ kind: 'server_error', phase: 'submit', times: 1 });
    const [unsure, sure] = await api.generations.create({
      params: I2V,
      count: 2,
      seedMode: 'random',
      projectId: null,
      references: [image.sha256 ?? ''],
    });
    const states = [
      (await settle(unsure, ['uncertain', 'done'])).state,
      (await settle(sure, ['uncertain', 'done'])).state,
    ];
    expect(states.sort()).toEqual(['done', 'uncertain']);
    const key = `/wan-refs/wan-studio/${image.sha256}.png`;
    await new Promise((resolve) => setTimeout(resolve, 500)); // a release runs right after the state change
    expect(s3.requests.filter((request) => request.path === key && request.method === 'DELETE')).toEqual([]);
  });

  it('a wrong secret fails the generation with a readable reason, and nothing is submitted', async () => {
    const api = await start();
    await configureHosting({}, 'definitely-not-the-secret');
    const image = await inspectFile('a.png', await halvesPng());
    const [created] = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [image.sha256 ?? ''],
    });
    const failed = await settle(created, ['failed']);
    expect(failed.errorKind).toBe('hosting');
    expect(failed.errorMessage).toMatch(
      /^Uploading failed: The secret access key is wrong.*SignatureDoesNotMatch/,
    );
    expect(submitsSeen(demoSim())).toBe(0);
  });

  it('demo mode needs no hosting: the simulator reads the local file over loopback', async () => {
    const api = await start();
    const image = await inspectFile('a.png', await halvesPng());
    const [created] = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [image.sha256 ?? ''],
    });
    await harness.waitForState(created?.id ?? '', ['done']);
    const done = await api.generations.get({ id: created?.id ?? '' });
    expect(done?.video?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(done?.referenceImagePath).toMatch(/^references\//);
    expect(done?.params.imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/references\//);
    expect(demoSim().stats.imageFetches).toBe(1);
    expect(s3.requests).toHaveLength(0);
  });

  it('refuses a local file for APIXO when no hosting is set up, saying why and the two ways out', async () => {
    const api = await start();
    // Session-only: a keychain entry would outlive this test and take later ones out of demo mode.
    await api.key.set({ key: 'sk-real-key-for-hosting-test', where: 'session' });
    const image = await inspectFile('a.png', await halvesPng());
    const failure = await failureOf(() =>
      api.generations.create({
        params: I2V,
        count: 1,
        seedMode: 'random',
        projectId: null,
        references: [image.sha256 ?? ''],
      }),
    );
    expect(failure.kind).toBe('hosting');
    expect(failure.message).toMatch(
      /APIXO only accepts images by public link\. Set up image hosting in Settings → Image hosting \(missing: bucket, access key ID, secret access key\), or use a public link/,
    );
    expect((await harness.core.api.library.query({})).total).toBe(0);
    expect(submitsSeen(demoSim())).toBe(0);
    expect(harness.sim.stats.submitsAccepted).toBe(0);
    expect(s3.requests).toHaveLength(0);
  });
});

describe('bad inputs are refused with a specific message and nothing is sent', () => {
  it.each([
    ['a zero-byte file', 'empty.png', async () => Buffer.alloc(0), /empty \(0 bytes\)/],
    [
      'a truncated PNG',
      'cut.png',
      async () => fixtureImage('still-80x64.png').subarray(0, 100),
      /incomplete/,
    ],
    [
      'a .jpg that is really a PDF',
      'photo.jpg',
      async () => PDF_BYTES,
      /"photo\.jpg" is named like a JPEG image, but its contents are a PDF/,
    ],
    ['a 1×1 image', 'dot.png', () => tinyPng(), /too small: 1×1 pixels/],
  ])('%s', async (_name, file, make, message) => {
    await start();
    await configureHosting();
    const inspection = await inspectFile(file, await make());
    expect(inspection.status).toBe('refused');
    expect(inspection.message).toMatch(message);
    expect(inspection.sha256).toBeNull();
    expect(submitsSeen(demoSim())).toBe(0);
    expect(s3.requests).toHaveLength(0);
  });

  // The 40 MB case stops after the conversion: the simulator's fetch of a ~10 MB copy takes longer
  // than the scaled clock lets a task run before it counts as stalled.
  it.each([
    ['a 40 MB PNG', 'huge.png', () => noisePng(3700, 3700), 'too_large', false],
    ['an animated GIF', 'loop.gif', async () => fixtureImage('animated-72x66.gif'), 'animated', true],
    ['an animated WebP', 'loop.webp', async () => fixtureImage('animated-92x72.webp'), 'animated', true],
  ])(
    '%s is offered a conversion and cannot be submitted before it',
    async (_name, file, make, problem, submit) => {
      const api = await start();
      await configureHosting();
      const offered = await inspectFile(file, await make());
      expect(offered).toMatchObject({ status: 'needs_conversion', problem });
      const failure = await failureOf(() =>
        api.generations.create({
          params: I2V,
          count: 1,
          seedMode: 'random',
          projectId: null,
          references: [offered.sha256 ?? ''],
        }),
      );
      expect(failure).toMatchObject({
        kind: 'invalid_image',
        message: expect.stringMatching(/must be converted before it can be used/),
      });
      expect(submitsSeen(demoSim())).toBe(0);
      expect(s3.requests).toHaveLength(0);
      // Accepting the offer gives a usable JPEG that goes all the way.
      const converted = await api.images.convert({ sha256: offered.sha256 ?? '' });
      expect(converted).toMatchObject({ status: 'ready', format: 'jpeg', animated: false });
      expect(converted.bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
      if (!submit) return;
      const [created] = await api.generations.create({
        params: I2V,
        count: 1,
        seedMode: 'random',
        projectId: null,
        references: [converted.sha256 ?? ''],
      });
      await settle(created);
      expect(demoSim().tasks()[0]?.imageCheckDetail).toMatch(/^jpeg, \d+ bytes$/);
    },
    60_000,
  );

  it('an EXIF-rotated JPEG is sent upright', async () => {
    const api = await start();
    await configureHosting();
    const inspection = await inspectFile('phone.jpg', await sidewaysJpeg());
    expect(inspection).toMatchObject({ status: 'ready', width: 80, height: 120, problem: 'sideways' });
    const [created] = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [inspection.sha256 ?? ''],
    });
    const done = await settle(created);
    const sent = await fetch(done.params.imageUrl ?? '').then(
      async (answer) => new Uint8Array(await answer.arrayBuffer()),
    );
    const { sniffImage } = await import('../../main/core/media/image-sniff');
    expect(sniffImage(sent)).toMatchObject({ format: 'jpeg', width: 80, height: 120, exifOrientation: null });
  });

  it('a data: URL becomes a hosted file', async () => {
    const api = await start();
    await configureHosting();
    const png = await halvesPng();
    const inspection = await api.images.inspectUrl({
      url: `data:image/png;base64,${png.toString('base64')}`,
    });
    expect(inspection).toMatchObject({ status: 'ready', sourceUrl: null });
    const [created] = await api.generations.create({
      params: I2V,
      count: 1,
      seedMode: 'random',
      projectId: null,
      references: [inspection.sha256 ?? ''],
    });
    expect(created?.imageSource).toBe('hosted');
    await settle(created);
  });

  describe('links, for the real API', () => {
    // 127.0.0.1 plays the public internet here, so a loopback server can stand in for a website.
    const loopbackIsPublic: AddressPolicy = (address) =>
      address === '127.0.0.1' || publicInternetOnly(address);

    async function realApi() {
      const api = await start({ publicAddressPolicy: loopbackIsPublic });
      await api.key.set({ key: 'sk-test-image-links-0001', where: 'session' });
      return api;
    }

    it('uses a public link directly: no upload, the API fetches it', async () => {
      const api = await realApi();
      const site = await startLocalServer((_req, res) => res.end(fixtureImage('photo-80x64.jpg')));
      try {
        const [created] = await api.generations.create({
          params: { ...I2V, imageUrl: `${site.url}/photo.jpg` },
          count: 1,
          seedMode: 'random',
          projectId: null,
        });
        expect(created).toMatchObject({ imageSource: 'url', params: { imageUrl: `${site.url}/photo.jpg` } });
        expect(created?.referenceImagePath).toMatch(/^references\/.*\.jpg$/);
        await settle(created);
        expect(harness.sim.stats.submitsAccepted).toBe(1);
        expect(s3.requests).toHaveLength(0);
      } finally {
        await site.close();
      }
    });

    it.each([
      [
        'an unreachable URL',
        async () => {
          const gone = await startLocalServer(() => {});
          await gone.close();
          return { url: `${gone.url}/photo.jpg`, close: async () => {} };
        },
        /cannot be fetched\. Nothing is listening at 127\.0\.0\.1:\d+ \(connection refused\)/,
      ],
      [
        'a URL that redirects to a private address',
        async () => {
          const site = await startLocalServer((_req, res) => {
            res.writeHead(302, { location: 'http://192.168.1.20/photo.jpg' });
            res.end();
          });
          return { url: `${site.url}/photo.jpg`, close: site.close };
        },
        /redirects to 192\.168\.1\.20, which is a private or local address/,
      ],
      [
        'a link to an HTML page',
        async () => {
          const site = await startLocalServer((_req, res) => res.end('<html>hello</html>'));
          return { url: `${site.url}/page`, close: site.close };
        },
        /not an image format Wan Studio recognises/,
      ],
    ])('%s', async (_name, make, message) => {
      const api = await realApi();
      const target = await make();
      try {
        const failure = await failureOf(() =>
          api.generations.create({
            params: { ...I2V, imageUrl: target.url },
            count: 1,
            seedMode: 'random',
            projectId: null,
          }),
        );
        expect(failure.kind).toBe('invalid_image');
        expect(failure.message).toMatch(message);
        expect(submitsSeen(harness.sim)).toBe(0);
        expect((await harness.core.api.library.query({})).total).toBe(0);
      } finally {
        await target.close();
      }
    });

    it('refuses a loopback link for the real API but lets the demo simulator use it', async () => {
      const site = await startLocalServer((_req, res) => res.end(fixtureImage('photo-80x64.jpg')));
      try {
        const api = await start({ publicAddressPolicy: publicInternetOnly });
        const demo = await api.images.inspectUrl({ url: `${site.url}/photo.jpg` });
        expect(demo).toMatchObject({ status: 'ready', sourceUrl: `${site.url}/photo.jpg` });
        await api.key.set({ key: 'sk-test-image-links-0002', where: 'session' });
        const failure = await failureOf(() => api.images.inspectUrl({ url: `${site.url}/photo.jpg` }));
        expect(failure.message).toMatch(/The link's host 127\.0\.0\.1 is a private or local address/);
        expect(submitsSeen(harness.sim)).toBe(0);
      } finally {
        await site.close();
      }
    });
  });
});

describe('hosting credentials', () => {
  it('live only in the SecretStore: the UI sees set / not set, settings.json never holds them', async () => {
    const api = await start();
    expect(await api.hosting.status()).toMatchObject({
      accessKeyIdSet: false,
      secretSet: false,
      ready: false,
    });
    await configureHosting({}, 'a-very-secret-s3-value-123');
    const status = await api.hosting.status();
    expect(status).toMatchObject({ accessKeyIdSet: true, secretSet: true, location: 'session', ready: true });
    expect(JSON.stringify(status)).not.toContain('a-very-secret-s3-value-123');
    const settingsFile = await readFile(join(harness.dir, 'data', 'settings.json'), 'utf8');
    expect(settingsFile).toContain('"bucket": "wan-refs"');
    expect(settingsFile).not.toContain('a-very-secret-s3-value-123');
    expect(settingsFile).not.toContain('S3RVER');
    const cleared = await api.hosting.clearCredentials();
    expect(cleared).toMatchObject({
      accessKeyIdSet: false,
      secretSet: false,
      missing: ['access key ID', 'secret access key'],
    });
  });

  it('Test connection runs through the contract', async () => {
    const api = await start();
    await configureHosting();
    const result = await api.hosting.test();
    expect(result.ok).toBe(true);
    expect(result.warning).toMatch(/private network/);
  });
});
