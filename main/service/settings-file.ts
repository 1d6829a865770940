// App settings (not secrets) in <userData>/settings.json, written atomically. Settings belong to
// the app, not to a library, so switching or moving the library keeps them.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ZodType } from 'zod';
import { type Settings, settingsSchema } from '../../shared/contract/contract';
import { DEFAULT_HOSTING_SETTINGS } from '../../shared/domain/hosting-settings';
import { writeFileAtomic } from '../core/fs/atomic';
import { fileStamp } from '../core/fs/file-stamp';

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  downloadConcurrency: 3,
  delivery: 'polling',
  callbackPublicUrl: '',
  callbackPort: 8765,
  notifications: true,
  tray: true,
  taskbarProgress: true,
  imageHosting: DEFAULT_HOSTING_SETTINGS,
  watchFolders: [],
  recentClearedAt: 0,
};

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A group of settings (like imageHosting) keeps its valid fields when one of them is bad or new. */
function mergeGroup(field: ZodType, defaults: Record<string, unknown>, stored: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in defaults)) continue;
    if (field.safeParse({ ...merged, [key]: value }).success) merged[key] = value;
  }
  return merged;
}

interface SettingsFileShape {
  settings: Settings;
  libraryRoot: string | null;
  /** The bucket the stored hosting credentials were entered for (hosting-service.ts); not a UI setting. */
  hostingCredentialsScope: string | null;
}

/** A settings file that could not be read, kept aside instead of being overwritten by defaults. */
export interface UnreadableSettings {
  /** Where the unreadable file now is. */
  keptAs: string;
  /** Why it could not be read (for the log). */
  reason: string;
}

export class SettingsFile {
  private state: SettingsFileShape = {
    settings: DEFAULT_SETTINGS,
    libraryRoot: null,
    hostingCredentialsScope: null,
  };
  /** Stored settings that were not used (unknown, retired like apiBaseUrl, or invalid), for the log. */
  ignoredFields: string[] = [];
  /** Set by load() when the file existed but could not be used; the UI tells the user. */
  unreadable: UnreadableSettings | null = null;
  /** False on a first run (no settings file yet). */
  existed = false;

  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // first run: defaults
      this.existed = true;
      return this.keepAside(error);
    }
    this.existed = true;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return this.keepAside(error);
    }
    if (!isGroup(raw)) return this.keepAside(new Error('the file does not hold a settings object'));
    const record = raw;
    // Keep each valid field on its own, so one bad value does not reset everything.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    const stored = record.settings && typeof record.settings === 'object' ? record.settings : {};
    for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
      const field = settingsSchema.shape[key as keyof Settings];
      if (field?.safeParse(value).success) merged[key] = value;
      else if (field && isGroup(value) && isGroup(merged[key]))
        merged[key] = mergeGroup(field, merged[key], value);
      else this.ignoredFields.push(key);
    }
    this.state = {
      settings: settingsSchema.parse(merged),
      libraryRoot: typeof record.libraryRoot === 'string' ? record.libraryRoot : null,
      hostingCredentialsScope:
        typeof record.hostingCredentialsScope === 'string' ? record.hostingCredentialsScope : null,
    };
  }

  /**
   * One syntax error must not cost every setting: the file is renamed aside (so the next save
   * cannot overwrite it) and the app starts from defaults and says so.
   */
  private async keepAside(error: unknown): Promise<void> {
    const stamp = fileStamp(this.now());
    const keptAs = `${this.path}.broken-${stamp}`;
    const reason = error instanceof Error ? error.message : String(error);
    try {
      await rename(this.path, keptAs);
      this.unreadable = { keptAs, reason };
    } catch (renameError) {
      // Cannot even move it (a read-only folder): it stays where it is, and saving will fail loudly.
      this.unreadable = { keptAs: this.path, reason: `${reason}; ${String(renameError)}` };
    }
  }

  get settings(): Settings {
    return this.state.settings;
  }

  get libraryRoot(): string | null {
    return this.state.libraryRoot;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    this.state = { ...this.state, settings: settingsSchema.parse({ ...this.state.settings, ...patch }) };
    await this.save();
    return this.state.settings;
  }

  get hostingCredentialsScope(): string | null {
    return this.state.hostingCredentialsScope;
  }

  async setHostingCredentialsScope(scope: string | null): Promise<void> {
    this.state = { ...this.state, hostingCredentialsScope: scope };
    await this.save();
  }

  async setLibraryRoot(root: string): Promise<void> {
    this.state = { ...this.state, libraryRoot: root };
    await this.save();
  }

  // Saves run one after another, each writing the state as it is when its turn comes: two changes
  // saved at once (start-up binds hosting credentials while a library move is recovered) can never
  // land in the wrong order and leave the file without the later one.
  private saving: Promise<void> = Promise.resolve();

  private save(): Promise<void> {
    const next = this.saving.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, `${JSON.stringify(this.state, null, 2)}\n`);
    });
    this.saving = next.catch(() => {});
    return next;
  }
}
