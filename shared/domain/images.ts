// What the UI learns about an added reference image. Process-agnostic.
import type { ImageFormat } from './image-formats';

/** Why an image cannot be sent as it is (APIXO's rules), as a code the UI translates. */
export type ReferenceImageProblem =
  | 'empty'
  | 'too_large'
  | 'unsupported'
  | 'truncated'
  | 'unreadable'
  | 'animated'
  | 'too_small';

/** Also 'sideways': stored with an EXIF rotation, so an upright copy is sent instead. */
export type ImageProblem = ReferenceImageProblem | 'sideways';

export interface ImageInspection {
  /** The stored image's id (SHA-256 of its bytes); null when it was refused and not kept. */
  sha256: string | null;
  name: string;
  format: ImageFormat;
  /** As displayed (after the EXIF orientation). */
  width: number | null;
  height: number | null;
  bytes: number;
  animated: boolean;
  /** ready: can be the reference image; needs_conversion: convert() first; refused: cannot be used. */
  status: 'ready' | 'needs_conversion' | 'refused';
  problem: ImageProblem | null;
  /** Why it was refused, why conversion is offered, or what was done to it. */
  message: string | null;
  /** Relative to the library root, for a preview. */
  relPath: string | null;
  /** A public link APIXO can fetch this exact image from (no upload needed). */
  sourceUrl: string | null;
  convertedFrom: { sha256: string; format: ImageFormat; bytes: number } | null;
}
