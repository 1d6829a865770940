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

export const VIEWS = ['generate', 'queue', 'library', 'spend', 'settings'] as const;
export type View = (typeof VIEWS)[number];

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
