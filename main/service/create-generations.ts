// generations.create with its image-to-video preparation: every image is checked before anything
// is queued, so a bad file, an unreachable or private link, or missing hosting is refused with its
// reason and nothing is sent. Added images whose public link still works are used by link; the
// others are uploaded by the job engine just before submit.

import type { z } from 'zod';
import type { createGenerationsSchema, GenerationRecord } from '../../shared/contract/contract';
import { missingHostingParts } from '../../shared/domain/hosting-settings';
import { imageMisfitForModel } from '../../shared/domain/image-limits';
import type { ImageInspection } from '../../shared/domain/images';
import type { ModelId } from '../../shared/domain/models';
import { modelOf } from '../../shared/domain/params';
import { notConfiguredError } from '../core/hosting/reference-hosting';
import type { EnqueueRequest, JobEngine } from '../core/jobs/engine';
import type { Backend } from '../core/library/types';
import type { AddressPolicy } from '../core/net/address-policy';
import { invalidImage } from '../core/references/errors';
import type { ReferenceAudio } from '../core/references/reference-audio';
import { invalidAudio } from '../core/references/reference-audio';
import type { ReferenceImages } from '../core/references/reference-images';
import type { HostingService } from './hosting-service';

type CreateInput = z.output<typeof createGenerationsSchema>;
type Image = NonNullable<EnqueueRequest['images']>[number];
type Audio = NonNullable<EnqueueRequest['audio']>;

export interface CreateDeps {
  engine(): JobEngine;
  backend(): Promise<Backend>;
  references: ReferenceImages;
  audio: ReferenceAudio;
  hosting: HostingService;
  policyFor(backend: Backend): AddressPolicy;
  /** The spend checks (confirmation threshold; caps when the caller wants a refusal). */
  guard(input: CreateInput, backend: Backend): void;
}

function notReadyMessage(message: string | null, status: string): string {
  const reason = message ?? 'The image cannot be used.';
  return status === 'needs_conversion'
    ? `${reason} Add the image in Wan Studio to convert it (the converted copy is uploaded to your image hosting).`
    : reason;
}

/** The image is ready in general; this model may still have its own size rules. */
function assertFitsModel(inspection: ImageInspection, model: ModelId): void {
  const misfit = imageMisfitForModel(model, inspection);
  if (misfit) throw invalidImage(`"${inspection.name}": ${misfit}`);
}

async function imageFromLink(
  deps: CreateDeps,
  url: string,
  backend: Backend,
  model: ModelId,
): Promise<Image> {
  const inspection = await deps.references.inspectUrl(url, deps.policyFor(backend), backend);
  if (inspection.status !== 'ready' || !inspection.relPath) {
    throw invalidImage(notReadyMessage(inspection.message, inspection.status));
  }
  assertFitsModel(inspection, model);
  // A link whose image had to be turned upright is sent as our (hosted) upright copy.
  return inspection.sourceUrl
    ? { referenceImagePath: inspection.relPath, imageSource: 'url', imageUrl: inspection.sourceUrl }
    : { referenceImagePath: inspection.relPath, imageSource: 'hosted' };
}

async function imageFromReference(
  deps: CreateDeps,
  sha256: string,
  backend: Backend,
  model: ModelId,
): Promise<Image> {
  const { inspection, record } = await deps.references.requireReady(sha256);
  assertFitsModel(inspection, model);
  if (inspection.sourceUrl) {
    // Checked again now (under this backend's address rules); the image behind it must not have changed.
    const fresh = await imageFromLink(deps, inspection.sourceUrl, backend, model);
    if (fresh.referenceImagePath !== record.relPath) {
      throw invalidImage(
        `The image at ${inspection.sourceUrl} has changed since it was added. Add it again.`,
      );
    }
    return fresh;
  }
  return { referenceImagePath: record.relPath, imageSource: 'hosted' };
}

/**
 * The audio of an audio-driven generation, checked by its content before anything is queued: an
 * added audio by its id, or a typed link fetched now as APIXO would fetch it (a private address,
 * a file that is not WAV/MP3, 2 s or 31 s of audio, or more than 15 MB is refused here).
 */
async function audioFor(deps: CreateDeps, input: CreateInput, backend: Backend): Promise<Audio | undefined> {
  if (input.audio) {
    const stored = await deps.audio.requireReady(input.audio);
    return stored.sourceUrl
      ? { referenceAudioPath: stored.relPath, audioSource: 'url', audioUrl: stored.sourceUrl }
      : { referenceAudioPath: stored.relPath, audioSource: 'hosted' };
  }
  const link = input.params.audioUrl;
  if (!link) return undefined;
  const inspection = await deps.audio.inspectUrl(link, deps.policyFor(backend));
  if (inspection.status !== 'ready' || !inspection.relPath) {
    throw invalidAudio(inspection.message ?? 'The audio behind this link cannot be used.');
  }
  return { referenceAudioPath: inspection.relPath, audioSource: 'url', audioUrl: link };
}

/**
 * Every check a create makes, with nothing queued: the images and audio (fetched and inspected), the
 * hosting they need, the spend guard. What it answers is ready for `engine.enqueue`.
 */
export async function prepareGenerations(
  deps: CreateDeps,
  input: CreateInput,
): Promise<{ engine: JobEngine; request: EnqueueRequest }> {
  const engine = deps.engine(); // refuses first when another process drives this library
  const backend = await deps.backend();
  const { params } = input;
  const audio = await audioFor(deps, input, backend);
  if (backend !== 'demo' && audio?.audioSource === 'hosted') {
    const missing = missingHostingParts(deps.hosting.settings(), await deps.hosting.credentials());
    if (missing.length > 0) throw notConfiguredError(missing);
  }
  let images: Image[] | undefined;
  if (params.mode === 'image-to-video') {
    const model = modelOf(params);
    images = input.references
      ? await Promise.all(input.references.map((sha256) => imageFromReference(deps, sha256, backend, model)))
      : [await imageFromLink(deps, params.imageUrl ?? '', backend, model)];
    // Demo generations can use a local file without S3: the simulator fetches it over loopback.
    if (backend !== 'demo' && images.some((image) => image.imageSource === 'hosted')) {
      const missing = missingHostingParts(deps.hosting.settings(), await deps.hosting.credentials());
      if (missing.length > 0) throw notConfiguredError(missing);
    }
  }
  deps.guard(input, backend);
  return {
    engine,
    request: {
      params,
      hold: input.hold,
      count: input.count,
      seedMode: input.seedMode,
      projectId: input.projectId,
      backend,
      ...(images ? { images } : {}),
      ...(audio ? { audio } : {}),
      ...(input.lineage ? { lineage: input.lineage } : {}),
    },
  };
}

export async function createGenerations(deps: CreateDeps, input: CreateInput): Promise<GenerationRecord[]> {
  const { engine, request } = await prepareGenerations(deps, input);
  return engine.enqueue(request);
}
