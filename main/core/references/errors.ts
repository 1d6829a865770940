// Every refusal of a reference image is an `invalid_image` StudioError: nothing was sent, and the
// message says what is wrong with this particular file or link and what to do instead.
import { StudioError } from '../errors';

export function invalidImage(userMessage: string, detail?: string, cause?: unknown): StudioError {
  return new StudioError({ kind: 'invalid_image', userMessage, detail, cause, createdNothing: true });
}
