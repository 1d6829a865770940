// App-wide projection of main's state: who we talk to, the network, the key, the balance, and
// which view is open. Fed by wire-events.ts; components only read it and call intents.
import { create } from 'zustand';
import type {
  AppInfo,
  Balance,
  ContractError,
  KeyStatus,
  NetworkStatus,
} from '../../shared/contract/contract';
import type { ConnectionState } from '../studio';

/** The views Ctrl/Cmd+1…7 open (the order keeps older shortcuts where they were). */
export const VIEWS = ['generate', 'queue', 'library', 'settings', 'batch', 'spend', 'sequences'] as const;
/** The Trash sits under the projects in the sidebar, outside the numbered views. */
export type View = (typeof VIEWS)[number] | 'trash';

interface AppState {
  info: AppInfo | null;
  startupError: ContractError | null;
  connection: ConnectionState;
  view: View;
  network: NetworkStatus;
  balance: Balance | null;
  balanceLoading: boolean;
  key: KeyStatus | null;
  setView(view: View): void;
}

export const useApp = create<AppState>()((set) => ({
  info: null,
  startupError: null,
  connection: 'connecting',
  view: 'generate',
  network: { online: true, waiting: 0, nextRetryAt: null },
  balance: null,
  balanceLoading: false,
  key: null,
  setView: (view) => set({ view }),
}));
