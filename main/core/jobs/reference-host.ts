// Where a generation's reference image gets the public link APIXO fetches it from: the user's
// S3-compatible hosting, or (demo mode) a loopback server for the local simulator.
import type { GenerationRecord } from '../library/types';

export interface ReferenceHost {
  /** A link for the generation's reference image, or for `relPath` (its reference audio). */
  ensure(record: GenerationRecord, relPath?: string): Promise<{ url: string; expiresAt: number }>;
  release(record: GenerationRecord): Promise<void>;
}
