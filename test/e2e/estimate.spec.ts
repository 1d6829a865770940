// The cost estimate counts only what will be sent: a refused image is left out of "Generate N
// videos ≈ $X" (and said so), an invalid batch size gives no estimate rather than a capped one,
// and the note says that how routing changes the price is not published.
import { halvesPng } from '../helpers/images';
import { dropFiles } from './drop-files';
import { expect, openView, test } from './fixtures';

test('the estimate leaves out refused images and is absent for an invalid batch size', async ({
  studio: page,
}) => {
  await openView(page, 'generate');
  const cost = page.getByTestId('cost');
  const submit = page.getByTestId('submit');
  await expect(cost).toContainText('$0.40');
  await expect(page.getByTestId('cost-routing')).toContainText('not published');

  const batch = page.getByTestId('count');
  await batch.fill('2');
  await expect(cost).toContainText('$0.80');
  await expect(submit).toHaveText(/Generate 2 videos/);
  for (const invalid of ['0', '21', '']) {
    await batch.fill(invalid);
    await expect(page.getByTestId('cost-none')).toHaveText(
      'No estimate until the number of variations is valid.',
    );
    await expect(cost).not.toContainText('$');
    await expect(submit).toHaveText(/^Generate/);
    await expect(submit).not.toHaveText(/videos/);
  }
  await batch.fill('2');

  await page.getByRole('radio', { name: 'Image to video' }).check();
  await dropFiles(page, [
    { name: 'harbour.png', bytes: await halvesPng(120, 120) },
    { name: 'notes.png', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') },
  ]);
  await expect(page.getByTestId('image-ready')).toHaveCount(1);
  await expect(page.getByTestId('image-problem')).toBeVisible();
  // Two per image × one usable image: the PDF dressed as a PNG is not counted.
  await expect(cost).toContainText('$0.80');
  await expect(submit).toHaveText(/Generate 2 videos/);
  await expect(page.getByTestId('cost-refused')).toHaveText(
    '1 refused image is left out: it will not be sent.',
  );

  await page.getByRole('radio', { name: 'Official' }).check();
  await expect(page.getByTestId('cost-routing')).toHaveText(
    'How this route changes the price is not published: the charge may differ.',
  );
});
