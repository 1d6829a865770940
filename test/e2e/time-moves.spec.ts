// Time moves in the queue: a new row's first countdown is measured from now (not from the last
// tick before a quiet spell), and "x seconds ago" keeps counting without a reload.
import { expect, openView, queueGenerations, test, waitForDone } from './fixtures';

test('the first countdown fits a fast demo job, and "seconds ago" ticks', async ({ studio: page, host }) => {
  await openView(page, 'queue');
  // A quiet spell with nothing ticking on screen.
  await page.waitForTimeout(3_000);
  const done = host.core.library().query({ states: ['done'], limit: 1 }).total;
  await queueGenerations(host, ['a heron lifting off a misty pond']);
  const row = page.getByTestId('queue-item').filter({ hasText: 'a heron lifting off' });
  // The demo job is first checked about 4 s after it is sent (50 s × 0.08): never minutes away.
  const next = row.locator('.timing-next');
  await expect(next).toHaveText(/Next check in 0:0\d|Checking now/);
  const text = await next.textContent().catch(() => null);
  if (text?.startsWith('Next check in')) {
    expect(Number(text.split(':').at(-1))).toBeLessThanOrEqual(5);
  }

  await waitForDone(host, done + 1);
  const recent = page.getByTestId('recent-item').filter({ hasText: 'a heron lifting off' });
  const time = recent.locator('.recent-time');
  await expect(time).toHaveText(/now|second/);
  const first = await time.textContent();
  await expect(time).not.toHaveText(first ?? '', { timeout: 10_000 });
  await expect(time).toHaveText(/seconds? ago/);
});
