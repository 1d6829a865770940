// Light shape checks on a pasted secret. They catch copy-paste accidents (a trailing newline, the
// whole "Authorization: Bearer …" line, a paragraph) before the value reaches the keychain; whether
// the key is actually valid is for APIXO to say.
import { StudioError } from '../errors';
import { SECRET_LABELS, type SecretName } from './types';

export const MAX_SECRET_LENGTH = 512;

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

/** Returns the trimmed value, or throws a StudioError saying exactly what is wrong with it. */
export function normalizeSecretValue(name: SecretName, value: unknown): string {
  const label = SECRET_LABELS[name];
  if (typeof value !== 'string') throw invalid(`The ${label} must be text.`);
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(`The ${label} is empty. Paste it again.`);
  if (trimmed.length > MAX_SECRET_LENGTH) {
    throw invalid(
      `The ${label} is too long (${trimmed.length} characters, at most ${MAX_SECRET_LENGTH}). Copy only the key itself.`,
    );
  }
  // Whitespace first: tabs and line breaks are also control characters, but "space or line
  // break" is the message that tells the user what went wrong.
  if (/\s/.test(trimmed)) {
    throw invalid(
      `The ${label} contains a space or line break. Copy only the key, without any text around it.`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point.
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060]/.test(trimmed)) {
    throw invalid(`The ${label} contains invisible control characters. Copy the key again.`);
  }
  return trimmed;
}
