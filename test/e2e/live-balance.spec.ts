// The header's balance is live: a finished generation updates it without a click, coming back to
// the window re-reads it, and demo mode says its money is pretend — and offers a reset when it
// runs out.
import { expect, queueGenerations, test, waitForDone } from './fixtures';

const usd = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value);

test('the balance follows finished generations and window focus; the demo balance can be reset', async ({
  studio: page,
  host,
}) => {
  const sim = host.core.demoSimulator();
  if (!sim) throw new Error('no demo simulator');
  const chip = page.getByTestId('balance');
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('pretend money');
  await expect(chip).toHaveText(usd(sim.balance()));

  const before = sim.balance();
  const done = host.core.library().query({ states: ['done'], limit: 1 }).total;
  await queueGenerations(host, ['a kite caught in an autumn tree']);
  await waitForDone(host, done + 1);
  const after = sim.balance();
  expect(after).toBeLessThan(before);
  // No click on refresh: the finished job asked main for the balance.
  await expect(chip).toHaveText(usd(after));

  // Money spent elsewhere (here: the simulator's balance drained) shows once the window is focused.
  sim.setBalance(0.1);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(chip).toHaveText('$0.10');
  await expect(banner).toContainText('has run out');

  await banner.getByRole('button', { name: 'Reset demo balance' }).click();
  await expect(chip).toHaveText('$1,000.00');
  await expect(banner).toContainText('pretend money');
  expect(sim.balance()).toBe(1000);
});
