// Before the paid POST of an image-to-video job whose reference image is on this computer: make
// sure the image is uploaded to the user's hosting and the generation holds a presigned link that
// is still fresh. The row exists already, so a crash here leaves a queued job that simply uploads
// again (the object key is the image's hash; a repeat upload changes nothing).
import { HostingError } from '../hosting/s3-errors';
import type { GenerationRecord } from '../library/types';
import { asStudioError, errorBackoffMs, type JobContext, type Runner } from './context';

/** A storage that is briefly down gets a few tries before the job fails with the reason. */
const MAX_ATTEMPTS = 3;

/** The record ready to submit, or null when the job failed here (already recorded). */
export async function hostReferenceImage(
  ctx: JobContext,
  runner: Runner,
  record: GenerationRecord,
): Promise<GenerationRecord | null> {
  if (record.imageSource !== 'hosted' && record.audioSource !== 'hosted') return record;
  for (let attempt = 1; ; attempt++) {
    try {
      if (!ctx.hosting) {
        throw new HostingError('settings', 'not_configured', 'Image hosting is not available here.', false);
      }
      let current: GenerationRecord | null = record;
      if (current.imageSource === 'hosted') {
        const link = await ctx.hosting.ensure(current);
        if (link.url !== current.params.imageUrl || link.expiresAt !== current.imageUrlExpiresAt) {
          current = ctx.write(runner, { imageUrl: link.url, imageUrlExpiresAt: link.expiresAt });
        }
      }
      // The reference audio travels like the image: same bucket, same key scheme (its hash).
      if (current?.audioSource === 'hosted' && current.referenceAudioPath) {
        const link = await ctx.hosting.ensure(current, current.referenceAudioPath);
        if (link.url !== current.params.audioUrl || link.expiresAt !== current.audioUrlExpiresAt) {
          current = ctx.write(runner, { audioUrl: link.url, audioUrlExpiresAt: link.expiresAt });
        }
      }
      return current;
    } catch (caught) {
      const error = asStudioError(caught);
      if (error instanceof HostingError && error.transient && attempt < MAX_ATTEMPTS) {
        ctx.log.warn('reference upload failed; trying again', {
          id: record.id,
          attempt,
          detail: error.detail,
        });
        await runner.sleepUntil(ctx.clock.now() + errorBackoffMs(attempt));
        continue;
      }
      ctx.log.warn('reference upload failed', { id: record.id, kind: error.kind, detail: error.detail });
      ctx.releaseSlot(runner);
      ctx.write(runner, {
        state: 'failed',
        errorKind: error.kind,
        errorMessage: error.userMessage,
        completedAt: ctx.clock.now(),
      });
      return null;
    }
  }
}
