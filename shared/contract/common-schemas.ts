// Argument pieces every contract group uses: ids and "no argument".
import { z } from 'zod';
import { SHA256_PATTERN } from '../domain/reference-paths';

export const id = z.string().min(1).max(64);
export const idArg = z.object({ id });

import { MAX_SELECTION } from './selection-limit';

export { MAX_SELECTION };
export const idList = z.array(id).min(1).max(MAX_SELECTION);
export const ids = z.object({ ids: idList }).strict();
export const none = z.undefined();
/** A stored reference image or audio, named by the SHA-256 of its bytes (from images/audio.inspect*). */
export const imageId = z.string().regex(SHA256_PATTERN, 'must be an image id (a SHA-256 in hex)');
