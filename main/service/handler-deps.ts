// What the contract's handlers need from the composition root (studio-core.ts builds it).
import type { AppInfo, RebuildSummary } from '../../shared/contract/contract';
import type { EventHub } from '../../shared/contract/event-hub';
import type { Clock } from '../core/clock';
import type { JobEngine } from '../core/jobs/engine';
import type { RebuildProgress } from '../core/library/rebuild';
import type { LinkParents } from '../core/library/restore-recipe';
import type { SidecarKeeper } from '../core/library/sidecar-keeper';
import type { LibraryStore } from '../core/library/types';
import type { AddressPolicy } from '../core/net/address-policy';
import type { ReferenceAudio } from '../core/references/reference-audio';
import type { ReferenceImages } from '../core/references/reference-images';
import type { SecretStore } from '../core/secrets';
import type { BalanceTracker } from './balance';
import type { DraftFile } from './draft-file';
import type { FileAccess } from './file-access';
import type { HostingService } from './hosting-service';
import type { ExportRuns } from './library-export';
import type { SettingsFile } from './settings-file';
import type { PlatformAdapter } from './types';

export interface HandlerDeps {
  info(): Promise<AppInfo>;
  library(): LibraryStore;
  engine(purpose?: 'generate' | 'read'): JobEngine;
  secrets: SecretStore;
  settings: SettingsFile;
  balance: BalanceTracker;
  hub: EventHub;
  platform: PlatformAdapter;
  currentBackend(): Promise<'demo' | 'apixo'>;
  /** The simulator's pretend balance back to where demo mode started it. */
  resetDemoBalance(): Promise<void>;
  drafts: DraftFile;
  /** Before the key is removed: jobs already created with it keep it (backends.ts). */
  retainKeyForJobs(): Promise<void>;
  applySettings(): Promise<void>;
  moveLibrary(folder: string): Promise<void>;
  /** "Library not found" choices: the same place again, an existing library elsewhere, a new one. */
  reopenLibrary(): Promise<void>;
  locateLibrary(folder: string): Promise<void>;
  createLibrary(folder: string): Promise<void>;
  references: ReferenceImages;
  audio: ReferenceAudio;
  hosting: HostingService;
  /** Which paths and uploads the UI may name (the host's path policy, the browser host's uploads). */
  files: FileAccess;
  /** Which image-link hosts the backend can fetch from (the demo simulator runs on this machine). */
  policyFor(backend: 'demo' | 'apixo'): AddressPolicy;
  clock: Clock;
  /** Keeps each video's `<video>.json` in step: told which generations changed. */
  sidecars: SidecarKeeper;
  exports: ExportRuns;
  rebuildLibrary(onProgress: (progress: RebuildProgress) => void): Promise<RebuildSummary>;
  linkParents?: LinkParents;
}
