// The page trades the one-time code in its link for the control token: the code leaves the address
// bar at once, a reload keeps the session, and the same link opened again elsewhere is refused.
import { expect, test } from './fixtures';

test('a sign-in link works once; the tab keeps its session across a reload', async ({
  host,
  page,
  browser,
}) => {
  const link = host.signInUrl();
  await page.goto(link);
  await expect(page.getByTestId('nav-generate')).toBeVisible();
  await expect.poll(() => page.url()).not.toContain('#code=');

  await page.reload();
  await expect(page.getByTestId('nav-generate')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('key-status')).toBeVisible();
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link);
  await expect(other.getByTestId('connection-banner')).toContainText('sign-in link');
  await elsewhere.close();
});
