import { writeFile } from 'node:fs/promises';
import { test, expect } from '../fixtures.mjs';
import { fileURLToPath } from 'node:url';

const fixture = (name) => fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url));

const cases = [
  ['bad-not-json.json', 'the file is not valid JSON (line 1, column 2)'],
  ['bad-truncated.json', 'the file ends too early — it looks cut off'],
  ['bad-foreign.json', 'the file is JSON, but not a Rolecall file'],
  ['bad-future-version.json', 'the file was made by a newer version of Rolecall (file version 99; this app reads up to 7). Update Rolecall to open it'],
  ['bad-too-deep.json', 'the file is nested too deeply to be a Rolecall file'],
];

for (const [name, reason] of cases) {
  test(`importing ${name} is refused with a clear message and changes nothing`, async ({ app, page }) => {
    await app.startFromTemplate();
    await app.saved();
    const stored = await app.stored();
    await app.goTo('Workspace');
    await app.importFile(fixture(name));
    await expect(page.getByTestId('import-error')).toContainText(`“${name}” was not imported: ${reason}. Nothing was changed.`);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await app.stored()).toBe(stored);
    await app.goTo('Team');
    await expect(page.getByText('6 members')).toBeVisible();
  });
}

test('a file over 64 MB is refused before it is read', async ({ app, page }, info) => {
  await app.startFromTemplate();
  await app.saved();
  const stored = await app.stored();
  await app.goTo('Workspace');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import from file…' }).click(),
  ]);
  // Playwright passes files over 50 MB by path.
  const huge = info.outputPath('huge.json');
  await writeFile(huge, Buffer.alloc(65 * 1024 * 1024, 32));
  await chooser.setFiles(huge);
  await expect(page.getByTestId('import-error')).toContainText('“huge.json” was not imported: the file is 65.0 MB, more than the 64 MB limit');
  expect(await app.stored()).toBe(stored);
});
