// The balance as the header and Settings show it: refreshed by hand, when the window comes back
// into focus (main rate-limits those asks), and — in demo mode — reset when the pretend money runs out.
import { estimateCostUsd } from '../../shared/domain/pricing';
import { studio } from '../studio';
import { useApp } from './app';

/** Less than the cheapest generation (720p, 5 s): nothing more can be made with it. */
export const DEMO_RUN_OUT_USD = estimateCostUsd('720p', 5);

export function demoBalanceRanOut(balance: { demo: boolean; usd: number | null } | null): boolean {
  return balance?.demo === true && balance.usd !== null && balance.usd < DEMO_RUN_OUT_USD;
}

export async function refreshBalance(): Promise<void> {
  useApp.setState({ balanceLoading: true });
  try {
    useApp.setState({ balance: await studio.balance.get({ refresh: true }) });
  } finally {
    useApp.setState({ balanceLoading: false });
  }
}

export async function resetDemoBalance(): Promise<void> {
  useApp.setState({ balanceLoading: true });
  try {
    useApp.setState({ balance: await studio.balance.resetDemo() });
  } finally {
    useApp.setState({ balanceLoading: false });
  }
}

/** Coming back to the window shows the balance as it is now (the user may have spent elsewhere). */
export function refreshBalanceOnFocus(): () => void {
  const onFocus = () => {
    if (document.visibilityState === 'hidden') return;
    studio.balance
      .get({ refresh: 'soon' })
      .then((balance) => useApp.setState({ balance }))
      .catch(() => {
        // the chip keeps the last value; the next focus or finished job tries again
      });
  };
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', onFocus);
  return () => {
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('visibilitychange', onFocus);
  };
}
