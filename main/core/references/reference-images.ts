// Reference images from every way a person can give one: bytes (a dropped file, a pasted image, a
// data: link) or a public link. Each is judged by its content, kept in the library under its
// SHA-256 (so the same image is stored once, and the original stays when a converted copy is
// made), and described to the UI as an ImageInspection.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_SOURCE_BYTES } from '../../../shared/domain/image-limits';
import type { ImageInspection } from '../../../shared/domain/images';
import { referenceRelPath } from '../../../shared/domain/reference-paths';
import { writeFileAtomic } from '../fs/atomic';
import { absolutePath } from '../library/paths';
import type { LibraryStore, ReferenceImageRecord } from '../library/types';
import type { ImageFormat } from '../media/image-sniff';
import type { AddressPolicy } from '../net/address-policy';
import { convertToJpeg } from './convert';
import { decodeDataUrl, isDataUrl } from './data-url';
import { invalidImage } from './errors';
import { fetchImageUrl } from './fetch-image-url';
import { displaySize, type ImageVerdict, judgeImage } from './verdict';

export type { ImageInspection };

const URL_MEMORY_MS = 10 * 60 * 1000;

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last).slice(0, 200) : new URL(url).hostname;
  } catch {
    return 'image';
  }
}

export class ReferenceImages {
  private readonly urlMemory = new Map<string, { at: number; inspection: ImageInspection }>();

  constructor(
    private readonly library: () => LibraryStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** A dropped or pasted file. */
  async inspectBytes(
    name: string,
    bytes: Uint8Array,
    sourceUrl: string | null = null,
  ): Promise<ImageInspection> {
    const verdict = judgeImage(bytes, name);
    if (verdict.kind === 'refused') return this.describe(verdict, { name, bytes, sha256: null });
    const original = await this.store(bytes, verdict.info.format, { name, sourceUrl, convertedFrom: null });
    if (verdict.kind === 'rotate') {
      const upright = await this.convertStored(original, bytes, verdict);
      return { ...upright, problem: verdict.problem, message: verdict.message };
    }
    return this.describe(verdict, {
      name,
      bytes,
      sha256: original.sha256,
      relPath: original.relPath,
      sourceUrl,
    });
  }

  /** A typed, pasted or dragged link: http(s) is fetched as APIXO would; data: is treated as a file. */
  async inspectUrl(url: string, policy: AddressPolicy, policyName: string): Promise<ImageInspection> {
    if (isDataUrl(url)) return this.inspectBytes('pasted image', decodeDataUrl(url, MAX_SOURCE_BYTES));
    const key = `${policyName} ${url.trim()}`;
    const remembered = this.urlMemory.get(key);
    if (remembered && this.now() - remembered.at < URL_MEMORY_MS) return remembered.inspection;
    const fetched = await fetchImageUrl(url, { policy, maxBytes: MAX_SOURCE_BYTES });
    const inspection = await this.inspectBytes(nameFromUrl(fetched.finalUrl), fetched.bytes, url.trim());
    this.urlMemory.set(key, { at: this.now(), inspection });
    return inspection;
  }

  /** The user accepted the offered conversion: an upright JPEG under 10 MB; the original stays. */
  async convert(sha256: string): Promise<ImageInspection> {
    const { record, bytes } = await this.load(sha256);
    const verdict = judgeImage(bytes, record.name);
    if (verdict.kind === 'refused') throw invalidImage(verdict.message);
    if (verdict.kind === 'usable') throw invalidImage(`"${record.name}" needs no conversion.`);
    return this.convertStored(record, bytes, verdict);
  }

  /** A stored image as it is now (remix shows the reference of an earlier generation). */
  async get(sha256: string): Promise<ImageInspection> {
    const { record, bytes } = await this.load(sha256);
    const verdict = judgeImage(bytes, record.name);
    const converted = record.convertedFrom ? await this.summary(record.convertedFrom) : null;
    return this.describe(verdict, {
      name: record.name,
      bytes,
      sha256,
      relPath: record.relPath,
      sourceUrl: converted ? null : record.sourceUrl,
      convertedFrom: converted,
    });
  }

  /** A stored image that can be sent as it is, or a refusal saying why not. */
  async requireReady(sha256: string): Promise<{ inspection: ImageInspection; record: ReferenceImageRecord }> {
    const inspection = await this.get(sha256);
    if (inspection.status !== 'ready') {
      throw invalidImage(
        inspection.status === 'needs_conversion'
          ? `"${inspection.name}" must be converted before it can be used. ${inspection.message ?? ''}`.trim()
          : (inspection.message ?? `"${inspection.name}" cannot be used.`),
      );
    }
    const record = this.library().getReferenceImage(sha256);
    if (!record) throw this.missing();
    return { inspection, record };
  }

  private async convertStored(
    original: ReferenceImageRecord,
    bytes: Uint8Array,
    verdict: Extract<ImageVerdict, { kind: 'rotate' | 'convertible' }>,
  ): Promise<ImageInspection> {
    const converted = await convertToJpeg(bytes, verdict.info.format);
    const check = judgeImage(converted.jpeg, `${original.name}.jpg`);
    if (check.kind !== 'usable') {
      throw invalidImage(
        `The converted copy of "${original.name}" still cannot be used: ${'message' in check ? check.message : ''}`,
      );
    }
    const name = `${original.name.replace(/\.[a-z0-9]+$/i, '')}.jpg`;
    const stored = await this.store(converted.jpeg, 'jpeg', {
      name,
      sourceUrl: null,
      convertedFrom: original.sha256,
    });
    return this.describe(check, {
      name,
      bytes: converted.jpeg,
      sha256: stored.sha256,
      relPath: stored.relPath,
      sourceUrl: null,
      convertedFrom: { sha256: original.sha256, format: verdict.info.format, bytes: bytes.length },
    });
  }

  private async summary(sha256: string): Promise<ImageInspection['convertedFrom']> {
    const record = this.library().getReferenceImage(sha256);
    if (!record) return null;
    try {
      const bytes = await readFile(absolutePath(this.library().root, record.relPath));
      return {
        sha256,
        format: judgeImage(bytes, record.name).info?.format ?? 'unknown',
        bytes: bytes.length,
      };
    } catch {
      return null;
    }
  }

  private async load(sha256: string): Promise<{ record: ReferenceImageRecord; bytes: Uint8Array }> {
    const record = this.library().getReferenceImage(sha256);
    if (!record) throw this.missing();
    try {
      return { record, bytes: await readFile(absolutePath(this.library().root, record.relPath)) };
    } catch {
      throw this.missing();
    }
  }

  private missing() {
    return invalidImage('That image is no longer in the library (it may have been deleted). Add it again.');
  }

  /** Content-addressed and idempotent: the same bytes always land in the same file, written once. */
  private async store(
    bytes: Uint8Array,
    format: ImageFormat,
    meta: Pick<ReferenceImageRecord, 'name' | 'sourceUrl' | 'convertedFrom'>,
  ): Promise<ReferenceImageRecord> {
    const library = this.library();
    const sha256 = sha256Of(bytes);
    const relPath = referenceRelPath(sha256, format);
    const path = absolutePath(library.root, relPath);
    const existing = await stat(path).catch(() => null);
    if (existing?.size !== bytes.length) {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, bytes);
    }
    return library.saveReferenceImage({ sha256, relPath, createdAt: this.now(), ...meta });
  }

  private describe(
    verdict: ImageVerdict,
    at: {
      name: string;
      bytes: Uint8Array;
      sha256: string | null;
      relPath?: string;
      sourceUrl?: string | null;
      convertedFrom?: ImageInspection['convertedFrom'];
    },
  ): ImageInspection {
    const size = verdict.info ? displaySize(verdict.info) : { width: null, height: null };
    // A sideways original is never sent as it is: its upright copy is (see inspectBytes).
    const status =
      verdict.kind === 'usable' ? 'ready' : verdict.kind === 'refused' ? 'refused' : 'needs_conversion';
    return {
      sha256: at.sha256,
      name: at.name,
      format: verdict.info?.format ?? 'unknown',
      ...size,
      bytes: at.bytes.length,
      animated: verdict.info?.animated ?? false,
      status,
      problem: verdict.kind === 'usable' ? null : verdict.problem,
      message: verdict.kind === 'usable' ? null : verdict.message,
      relPath: at.relPath ?? null,
      sourceUrl: status === 'ready' ? (at.sourceUrl ?? null) : null,
      convertedFrom: at.convertedFrom ?? null,
    };
  }
}
