// The hover-scrub strip through the contract: a JPEG is kept under .wanstudio/strips/ and named on
// the video's record; anything else is refused with nothing stored; the strip goes to the trash
// with its video, comes back with it, and is deleted when the trash is emptied.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { absolutePath } from '../../main/core/library/paths';
import { resolveLibraryFile } from '../../main/service/media-path';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { addFinishedVideo, CLIP } from '../helpers/library-videos';

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** A real JPEG (a frame of the test clip), made with Debian's ffmpeg: tests may use it, the app never does. */
function realJpeg(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(
    execFileSync('ffmpeg', ['-v', 'error', '-i', CLIP, '-frames:v', '1', '-f', 'mjpeg', '-'], {
      maxBuffer: 1 << 22,
    }),
  );
}

describe('library.saveStrip', () => {
  it('stores the sprite, names it on the record, and serves it as media', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const library = core.library();
    const id = addFinishedVideo(library, 'harbour at dawn');
    const videoId = library.getGeneration(id)?.video?.id ?? '';
    const jpeg = realJpeg();

    await core.api.library.saveStrip({ videoId, jpeg });

    const video = (await core.api.generations.get({ id }))?.video;
    expect(video?.stripRelPath).toBe(`.wanstudio/strips/${videoId}.jpg`);
    const path = absolutePath(library.root, video?.stripRelPath ?? '');
    expect(new Uint8Array(readFileSync(path))).toEqual(jpeg);
    const served = await resolveLibraryFile(library.root, `/${video?.stripRelPath}`);
    expect(served).toMatchObject({ ok: true, contentType: 'image/jpeg' });

    // Regenerating replaces it in place.
    const again = new Uint8Array([...jpeg.slice(0, -2), 0, ...jpeg.slice(-2)]);
    await core.api.library.saveStrip({ videoId, jpeg: again });
    expect(new Uint8Array(readFileSync(path))).toEqual(again);
  });

  it('refuses what is not a JPEG, or a video it does not know, storing nothing', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const library = core.library();
    const id = addFinishedVideo(library, 'lanterns');
    const videoId = library.getGeneration(id)?.video?.id ?? '';

    await expect(
      core.api.library.saveStrip({ videoId, jpeg: new TextEncoder().encode('<svg/>') }),
    ).rejects.toMatchObject({
      kind: 'invalid_request',
      message: expect.stringMatching(/strip must be a JPEG/),
    });
    await expect(
      core.api.library.saveStrip({ videoId: 'v_unknown', jpeg: realJpeg() }),
    ).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(library.getGeneration(id)?.video?.stripRelPath).toBeNull();
    expect(existsSync(absolutePath(library.root, '.wanstudio/strips'))).toBe(false);
  });

  it('moves the strip to the trash with its video, back on restore, and deletes it on purge', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const library = core.library();
    const id = addFinishedVideo(library, 'fox in snow');
    const videoId = library.getGeneration(id)?.video?.id ?? '';
    await core.api.library.saveStrip({ videoId, jpeg: realJpeg() });
    const home = absolutePath(library.root, `.wanstudio/strips/${videoId}.jpg`);

    await core.api.library.trashMany({ ids: [id] });
    expect(existsSync(home)).toBe(false);
    await core.api.library.restoreMany({ ids: [id] });
    expect(existsSync(home)).toBe(true);

    await core.api.library.trashMany({ ids: [id] });
    const purged = await core.api.library.emptyTrash();
    expect(purged.deleted).toBe(1);
    expect(existsSync(home)).toBe(false);
  });
});
