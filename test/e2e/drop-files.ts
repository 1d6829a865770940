// Dropping image files on the Generate view's drop zone, as a real drag from the desktop would.
import type { Page } from '@playwright/test';

/** Drops files on the drop zone with a DataTransfer built in the page, as a real drag would. */
export async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, base64: file.bytes.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: 'image/png' }));
    }
    return transfer;
  }, payload);
  await page.getByTestId('image-drop').dispatchEvent('drop', { dataTransfer });
}
