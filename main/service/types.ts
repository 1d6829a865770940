// What a host (Electron main, the browser host, the CLI) gets from the core, and what it must
// provide. Hosts differ only in transport and in these few platform abilities.
import type { AppInfo, StudioApi } from '../../shared/contract/contract';
import type { StudioEventSource } from '../../shared/contract/event-hub';
import type { JobEngine } from '../core/jobs/engine';
import type { LibraryStore } from '../core/library/types';
import type { Logger } from '../core/log';
import type { Simulator } from '../demo/simulator';
import type { Dispatch } from './dispatch';
import type { UploadSource } from './file-access';
import type { PathPolicy } from './path-policy';
import type { WatchFolders } from './watch-folders';

/** Abilities only a real desktop shell has; the browser host answers them as best it can. */
export interface PlatformAdapter {
  chooseFolder(title?: string): Promise<string | null>;
  chooseVideos(): Promise<string[]>;
  /** True when a file manager showed the file; false where there is none (the UI then shows the path). */
  revealFile(absolutePath: string): Promise<boolean>;
  startDrag(absolutePath: string): Promise<void>;
  openExternal(url: string): Promise<void>;
}

export interface StudioCoreOptions {
  /** Where settings.json and logs live (Electron: app.getPath('userData')). */
  userDataDir: string;
  /** The library folder used when settings name none (Electron: Videos/Wan Studio). */
  defaultLibraryDir: string;
  host: AppInfo['host'];
  /** How the UI addresses library files (custom protocol or the host's /media route). */
  mediaBaseUrl: string;
  platform: PlatformAdapter;
  version: string;
  env?: NodeJS.ProcessEnv;
  /** Which paths the UI may name. Default: any absolute path (browser host, CLI); Electron grants. */
  pathPolicy?: PathPolicy;
  /** Files the browser host received over HTTP; other hosts have none. */
  uploads?: UploadSource;
}

export interface StudioCore {
  /**
   * The one door into the core: schema parse (and defaults) first, then the handler, answered as
   * an Envelope. Transports (Electron IPC, the browser host's WebSocket) serve this; the handlers
   * themselves are not exposed, so no host can call around the contract.
   */
  readonly dispatch: Dispatch;
  /** The same door as a typed `StudioApi`, for the CLI and tests: refusals throw StudioApiError. */
  readonly api: StudioApi;
  readonly events: StudioEventSource;
  /** Watching the settings' watch folders (null when this host does not, like one-shot CLI commands). */
  readonly watchFolders: WatchFolders | null;
  info(): Promise<AppInfo>;
  library(): LibraryStore;
  engine(): JobEngine;
  /** The embedded APIXO simulator behind demo mode (tests use it to inject faults). */
  demoSimulator(): Simulator | null;
  readonly log: Logger;
  close(): Promise<void>;
}
