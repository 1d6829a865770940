// Where a generation's reference image gets the public link APIXO fetches it from: the user's
// S3-compatible hosting, or (demo mode) a loopback server for the local simulator.
import type { GenerationRecord } from '../library/types';

export interface ReferenceHost {
  ensure(record: GenerationRecord): Promise<{ url: string; expiresAt: number }>;
  release(record: GenerationRecord): Promise<void>;
}
