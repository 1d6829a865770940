// Scrubs secrets from any text before it leaves the process (log file, console, events, crash
// reports). Known secret values are replaced wherever they appear; credentials in the shape of an
// Authorization header or a bearer token are replaced even when the value is not known.

export const REDACTED = '[redacted]';

// "Authorization: Bearer x", "authorization=x", "\"authorization\": \"Basic x\"". The value stops
// at whitespace, quotes and JSON punctuation so the surrounding text stays intact.
const AUTHORIZATION_VALUE =
  /(\b(?:proxy-)?authorization\b["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;{}[\]]+/gi;
// Case-sensitive on purpose: "the bearer of bad news" must survive, real headers say "Bearer".
const BEARER_TOKEN = /\bBearer\s+[^\s"',;{}[\]]+/g;

/** The forms a secret takes in text: as is, URL-encoded (query strings) and JSON-escaped. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another one is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const form of secretForms(secrets)) {
    if (result.includes(form)) result = result.split(form).join(REDACTED);
  }
  return result.replace(AUTHORIZATION_VALUE, `$1${REDACTED}`).replace(BEARER_TOKEN, `Bearer ${REDACTED}`);
}
