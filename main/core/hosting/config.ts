// Image hosting: an S3-compatible bucket of the user's (AWS S3, Cloudflare R2, Backblaze B2,
// MinIO) where reference images from this computer are uploaded, because APIXO only takes an image
// by public URL and has no upload endpoint. These are the non-secret settings; the access key ID
// and secret live only in the SecretStore. Process-agnostic: zod only.
import { z } from 'zod';

const endpoint = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Endpoint must be empty (AWS S3) or an http(s) URL without credentials');

export const hostingSettingsSchema = z
  .object({
    /** Empty for AWS S3; e.g. https://<account>.r2.cloudflarestorage.com, https://s3.us-west-004.backblazeb2.com, http://minio.local:9000 */
    endpoint,
    /** Empty means us-east-1 (R2 uses "auto"). */
    region: z.string().trim().max(64),
    bucket: z.string().trim().max(255),
    /** Folder inside the bucket for our objects. */
    prefix: z.string().trim().max(512),
    /** Path-style URLs (endpoint/bucket/key), needed by MinIO and most self-hosted servers. */
    pathStyle: z.boolean(),
    /** How long the presigned link APIXO downloads from stays valid (SigV4 allows at most 7 days). */
    urlLifetimeSeconds: z.number().int().min(300).max(604_800),
    /** Delete the uploaded copy once APIXO has finished with the task. */
    deleteAfterTask: z.boolean(),
  })
  .strict();

export type HostingSettings = z.infer<typeof hostingSettingsSchema>;

export const DEFAULT_HOSTING_SETTINGS: HostingSettings = {
  endpoint: '',
  region: '',
  bucket: '',
  prefix: 'wan-studio/',
  pathStyle: false,
  urlLifetimeSeconds: 3600,
  deleteAfterTask: false,
};

export interface HostingCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export const DEFAULT_REGION = 'us-east-1';

/** "a/b" → "a/b/", "/x/" → "x/", "" → "": keys never start with a slash and the folder always ends in one. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

/** Which bucket location an object lives at; any change of endpoint, bucket or key means another object. */
export function objectLocation(settings: HostingSettings, key: string): string {
  const where = settings.endpoint || `aws:${settings.region || DEFAULT_REGION}`;
  return `${where}|${settings.bucket}|${key}`;
}

/**
 * Which server and bucket the credentials are used with. Stored credentials are bound to the scope
 * they were entered for, so a changed endpoint, region or bucket cannot receive signed requests
 * (and the access key ID) until the user enters the secret again.
 */
export function credentialScope(settings: HostingSettings): string {
  return JSON.stringify([settings.endpoint, settings.region || DEFAULT_REGION, settings.bucket]);
}

/** What is still missing before uploads can work, in the words of the Settings form. */
export function missingHostingParts(
  settings: HostingSettings,
  credentials: Partial<HostingCredentials>,
): string[] {
  const missing: string[] = [];
  if (!settings.bucket) missing.push('bucket');
  if (!credentials.accessKeyId) missing.push('access key ID');
  if (!credentials.secretAccessKey) missing.push('secret access key');
  return missing;
}
