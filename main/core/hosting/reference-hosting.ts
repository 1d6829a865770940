// Puts a generation's reference image where APIXO can fetch it: upload to the user's bucket, then a
// presigned GET link. Called by the job engine right before the paid POST, so:
// - the generation row already exists (a crash during the upload leaves it queued, and the next
//   run uploads again; the key is the image's SHA-256, so a repeat upload is harmless);
// - a link that is still fresh enough is reused (remix, batches, retries upload nothing);
// - with "delete after the task" on, the copy is deleted once no unfinished generation needs it.
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import {
  type HostingCredentials,
  type HostingSettings,
  missingHostingParts,
  normalizePrefix,
  objectLocation,
} from '../../../shared/domain/hosting-settings';
import { sha256FromReferencePath } from '../../../shared/domain/reference-paths';
import type { Clock } from '../clock';
import { absolutePath } from '../library/paths';
import type { Backend, GenerationRecord, LibraryStore } from '../library/types';
import type { LogSink } from '../log/log-sink';
import type { AddressPolicy } from '../net/address-policy';
import { type Bucket, openBucket } from './s3-bucket';
import { endpointLabel, HostingError } from './s3-errors';

/**
 * Generations in these states may still need their hosted image (APIXO fetches it when the task
 * runs): an uncertain send may have reached APIXO, and a stalled task may still be running.
 */
const NEEDS_IMAGE = ['queued', 'submitting', 'pending', 'processing', 'uncertain', 'stalled'] as const;
/** Terminal-ish states after which APIXO no longer needs the image. */
const DONE_WITH_IMAGE = new Set(['downloading', 'done', 'failed', 'expired']);
const MIN_FRESH_MS = 15 * 60 * 1000;

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
};

export interface HostingSource {
  settings(): HostingSettings;
  credentials(): Promise<Partial<HostingCredentials>>;
}

export interface HostedLink {
  url: string;
  expiresAt: number;
}

export interface ReferenceHostingOptions {
  library: () => LibraryStore;
  source: HostingSource;
  clock: Clock;
  log: LogSink;
  /** Which addresses APIXO (or the demo simulator) can reach, per backend. */
  policyFor(backend: Backend): AddressPolicy;
  openBucket?: typeof openBucket;
}

export function notConfiguredError(missing: string[]): HostingError {
  return new HostingError(
    'settings',
    'not_configured',
    `This image is on your computer, and APIXO only accepts images by public link. Set up image hosting in Settings → Image hosting (missing: ${missing.join(', ')}), or use a public link to the image instead.`,
    false,
  );
}

/** An object key from our ids: `<prefix><sha256>.<ext>`. */
export function objectKey(settings: HostingSettings, relPath: string): string {
  const sha256 = sha256FromReferencePath(relPath);
  const extension = relPath.split('.').at(-1) ?? 'bin';
  if (!sha256) throw new HostingError('settings', 'other', `Not a reference image path: ${relPath}`, false);
  return `${normalizePrefix(settings.prefix)}${sha256}.${extension}`;
}

export async function endpointIsReachable(
  settings: HostingSettings,
  policy: AddressPolicy,
): Promise<string | null> {
  if (!settings.endpoint) return null; // AWS S3 is public
  const host = new URL(settings.endpoint).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (found) => found.map((entry) => entry.address),
        () => [], // unresolvable: the upload itself reports the DNS failure precisely
      );
  return addresses.find((address) => !policy(address)) ?? null;
}

export class ReferenceHosting {
  constructor(private readonly options: ReferenceHostingOptions) {}

  private async open(): Promise<{ settings: HostingSettings; bucket: Bucket }> {
    const settings = this.options.source.settings();
    const credentials = await this.options.source.credentials();
    const missing = missingHostingParts(settings, credentials);
    if (missing.length > 0 || !credentials.accessKeyId || !credentials.secretAccessKey) {
      throw notConfiguredError(missing);
    }
    const make = this.options.openBucket ?? openBucket;
    return {
      settings,
      bucket: make(settings, {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
      }),
    };
  }

  private freshEnough(settings: HostingSettings, expiresAt: number): boolean {
    const margin = Math.min(MIN_FRESH_MS, (settings.urlLifetimeSeconds * 1000) / 2);
    return expiresAt - this.options.clock.now() >= margin;
  }

  /** A working link for the generation's reference image (or audio at `relPath`), uploading it when needed. */
  async ensure(record: GenerationRecord, relPath = record.referenceImagePath): Promise<HostedLink> {
    const sha256 = sha256FromReferencePath(relPath);
    if (!relPath || !sha256) {
      throw new HostingError(
        'settings',
        'other',
        'This generation has no reference image or audio to upload.',
        false,
      );
    }
    const settings = this.options.source.settings();
    const key = objectKey(settings, relPath);
    const location = objectLocation(settings, key);
    const library = this.options.library();
    const known = library.getHostedObject(sha256, location);
    if (known && known.deletedAt === null && this.freshEnough(settings, known.expiresAt)) {
      return { url: known.url, expiresAt: known.expiresAt };
    }

    const { bucket } = await this.open();
    try {
      const privateAddress = await endpointIsReachable(settings, this.options.policyFor(record.backend));
      if (privateAddress) {
        throw new HostingError(
          'settings',
          'private_endpoint',
          `The image hosting endpoint ${endpointLabel(settings)} is on a private network (${privateAddress}), so APIXO's servers could not download from it. Use storage reachable from the internet.`,
          false,
        );
      }
      const extension = relPath.split('.').at(-1) ?? '';
      const bytes = await readFile(absolutePath(library.root, relPath)).catch((error: unknown) => {
        throw new HostingError(
          'upload',
          'other',
          'The reference image is missing from the library folder, so it cannot be uploaded. Add the image again.',
          false,
          String(error),
          error,
        );
      });
      await bucket.put(key, bytes, CONTENT_TYPES[extension] ?? 'application/octet-stream');
      const url = await bucket.presign(key, settings.urlLifetimeSeconds);
      const now = this.options.clock.now();
      const expiresAt = now + settings.urlLifetimeSeconds * 1000;
      library.saveHostedObject({ sha256, location, url, expiresAt, uploadedAt: now, deletedAt: null });
      this.options.log.info('reference image uploaded', { id: record.id, key, expiresAt });
      return { url, expiresAt };
    } finally {
      bucket.close();
    }
  }

  /**
   * After a state change: once APIXO is done with the image and no other unfinished generation
   * needs the same copy, delete it (when the user asked for that). Failures are logged, not fatal.
   */
  async release(record: GenerationRecord): Promise<void> {
    const settings = this.options.source.settings();
    if (!settings.deleteAfterTask) return;
    const finished = DONE_WITH_IMAGE.has(record.state) || (record.state === 'cancelled' && !record.taskId);
    if (!finished) return;
    if (record.imageSource === 'hosted' && record.referenceImagePath) {
      await this.releasePath(settings, record, record.referenceImagePath);
    }
    // The reference audio (wan-2-5-video) goes the same way as the image.
    if (record.audioSource === 'hosted' && record.referenceAudioPath) {
      await this.releasePath(settings, record, record.referenceAudioPath);
    }
  }

  private async releasePath(
    settings: HostingSettings,
    record: GenerationRecord,
    relPath: string,
  ): Promise<void> {
    const sha256 = sha256FromReferencePath(relPath);
    if (!sha256) return;
    const library = this.options.library();
    if (library.countReferenceUsers(relPath, NEEDS_IMAGE, record.id) > 0) return;
    const key = objectKey(settings, relPath);
    const location = objectLocation(settings, key);
    const known = library.getHostedObject(sha256, location);
    if (!known || known.deletedAt !== null) return;
    try {
      const { bucket } = await this.open();
      try {
        await bucket.delete(key);
      } finally {
        bucket.close();
      }
      library.markHostedObjectDeleted(sha256, location, this.options.clock.now());
      this.options.log.info('hosted reference image deleted', { id: record.id, key });
    } catch (error) {
      this.options.log.warn('could not delete hosted reference image', { id: record.id, key, error });
    }
  }
}
