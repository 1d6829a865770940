// The words for a link a field cannot use (shared/domain/web-link.ts decides why).
import type { TFunction } from 'i18next';
import { checkWebLink } from '../../shared/domain/web-link';

/** Which links a field takes: web links only, or also data:/blob: images. */
export type LinkKind = 'web' | 'image';

const SCHEMES: Record<LinkKind, readonly string[]> = {
  web: ['http:', 'https:'],
  image: ['http:', 'https:', 'data:', 'blob:'],
};

/** Undefined when the text is a usable link (or empty: a field says itself whether that is allowed). */
export function linkError(t: TFunction, text: string, kind: LinkKind = 'web'): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const check = checkWebLink(trimmed, SCHEMES[kind]);
  if (!check) return undefined;
  if (check.problem === 'credentials') return t('links.credentials');
  if (check.problem === 'scheme') {
    return t(kind === 'image' ? 'links.schemeImage' : 'links.scheme', { scheme: check.scheme });
  }
  const shown = trimmed.length > 48 ? `${trimmed.slice(0, 47)}…` : trimmed;
  return t('links.notALink', { text: shown });
}
