// The argument schemas of settings, the API key and the hosting credentials (contract.ts lists the methods).
import { z } from 'zod';
import { watchFoldersSchema } from '../batch/watch-folder';
import { hostingSettingsSchema } from '../domain/hosting-settings';

export const settingsSchema = z
  .object({
    language: z.enum(['system', 'en', 'ru']),
    theme: z.enum(['system', 'light', 'dark']),
    downloadConcurrency: z.number().int().min(1).max(8),
    delivery: z.enum(['polling', 'callback']),
    /** The public https URL a user's tunnel forwards to our loopback callback receiver. */
    callbackPublicUrl: z.string().max(2048),
    callbackPort: z.number().int().min(0).max(65535),
    notifications: z.boolean(),
    tray: z.boolean(),
    taskbarProgress: z.boolean(),
    /** Where reference images from this computer are uploaded (the credentials are secrets, elsewhere). */
    imageHosting: hostingSettingsSchema,
    /** Folders whose new images become image-to-video generations (shared/batch/watch-folder.ts). */
    watchFolders: watchFoldersSchema,
    /** The queue's "recently finished" list shows only what finished after this (ms; 0: never cleared). */
    recentClearedAt: z.number().int().min(0),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const hostingCredentialsSchema = z
  .object({
    /** Either may be left out to keep the one already stored. */
    accessKeyId: z.string().min(1).max(512).optional(),
    secretAccessKey: z.string().min(1).max(512).optional(),
    where: z.enum(['keychain', 'session']),
  })
  .strict()
  .refine((input) => input.accessKeyId !== undefined || input.secretAccessKey !== undefined, {
    message: 'Give the access key ID, the secret, or both',
  });

export const keySetSchema = z
  .object({
    key: z.string().min(1).max(512),
    where: z.enum(['keychain', 'session']),
  })
  .strict();
