import { test, expect } from '../fixtures.mjs';
import { STORAGE_KEY, BACKUP_KEY } from '../pages/app.mjs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const fixture = (name) => fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url));

async function putStored(page, text) {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, text]);
}

test('corrupt stored data opens the recovery state and is never overwritten', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const corrupt = (await app.stored()).slice(0, 500);
  await putStored(page, corrupt);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your saved workspace could not be opened' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('the file ends too early');
  await page.waitForTimeout(800); // longer than the autosave delay: nothing may be written
  expect(await app.stored()).toBe(corrupt);
  expect(await app.stored(BACKUP_KEY)).toBe(corrupt);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the stored data' }).click(),
  ]);
  expect(await readFile(await download.path(), 'utf8')).toBe(corrupt);

  await page.getByRole('button', { name: 'Start a new workspace' }).click();
  await page.getByRole('button', { name: /Start with an empty workspace/ }).click();
  await app.saved();
  expect(JSON.parse(await app.stored()).workspace.name).toBe('My team');
  expect(await app.stored(BACKUP_KEY)).toBe(corrupt);
});

test('data saved by a newer version is left alone', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const future = await readFile(fixture('bad-future-version.json'), 'utf8');
  await putStored(page, future);
  await page.reload();
  await expect(page.getByRole('main')).toContainText('made by a newer version of Rolecall');
  await page.waitForTimeout(800);
  expect(await app.stored()).toBe(future);
});

test('stored data that needed repair opens repaired, says so, and keeps the original', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const original = await readFile(fixture('needs-repair.json'), 'utf8');
  await putStored(page, original);
  await page.reload();
  await expect(page.getByText('The saved workspace needed repairs')).toBeVisible();
  await expect(app.memberRow('dana (2)')).toBeVisible();
  expect(await app.stored(BACKUP_KEY)).toBe(original);
});

test('a full storage quota shows a lasting warning with export, and the data stays on the page', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  // Fill the origin's quota with other data.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1024 * 1024);
    let i = 0;
    while (chunk.length > 0) {
      try { localStorage.setItem(`filler-${i++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  await app.goTo('Workspace');
  await page.getByLabel('Purpose').fill('A purpose long enough to need more room than is left. '.repeat(20));
  const warning = page.getByTestId('save-failed');
  await expect(warning).toContainText("Not saved: this browser's storage is full.");
  await app.goTo('Team');
  await expect(warning).toBeVisible();
  const file = await app.exportFile();
  expect(JSON.parse(file.text).workspace.purpose).toContain('A purpose long enough');
  expect((await app.storedAsIs()).purpose).not.toContain('A purpose long enough');

  // Room again: the next change saves and the warning goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Roomy team');
  await expect(warning).toBeHidden();
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.name).toBe('Roomy team');
  expect(ws.purpose).toContain('A purpose long enough');
});

test('a change is written at once when the page is hidden', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Closing time');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect((await app.storedWorkspace()).name).toBe('Closing time');
});

test('a second tab follows the first instead of overwriting it', async ({ app, page, context }) => {
  await app.startFromTemplate();
  await app.saved();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('.rc-header__team')).toHaveText('Customer Service Team');
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Renamed in tab one');
  await expect(other.locator('.rc-header__team')).toHaveText('Renamed in tab one');
  await other.close();
});

test('an edit in one tab is never silently overwritten by the other: the later edit wins in both, and both say so', async ({ app, page, context }) => {
  // This tab's debounced save cannot run before the other tab saves: the race is staged.
  const other = await app.stagedSecondTab(context, '#/workspace', 'Workspace');
  // This tab edits; before its save, the other tab saves a different edit of the same field.
  await page.getByLabel('Team name').fill('Edited here');
  await other.getByLabel('Team name').fill('Edited there');
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  // This tab's edit is the later one: it takes the other tab's save, puts its own edit on top
  // and saves; the other tab follows. Both tell their user.
  await expect(page.getByTestId('tab-clash')).toContainText('This tab and another tab changed the same thing at the same time.');
  await expect.poll(async () => (await app.storedWorkspace()).name, { timeout: 30_000 }).toBe('Edited here');
  await expect(other.locator('.rc-header__team')).toHaveText('Edited here');
  await expect(other.getByTestId('tab-clash')).toBeVisible();
  await expect(page.locator('.rc-header__team')).toHaveText('Edited here');
  await other.close();
});

test('a save this version cannot read (a newer version, in another tab) is never written over', async ({ app, page, context }) => {
  await app.startFromTemplate();
  await app.saved();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('.rc-header__team')).toHaveText('Customer Service Team');
  const future = JSON.stringify({ format: 'rolecall', version: 99, revision: 1000, workspace: { name: 'From the future' } });
  await other.evaluate((text) => localStorage.setItem('rolecall.hot', text), future);
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Edited here');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(page.getByTestId('save-failed')).toContainText('cannot read');
  expect(await app.stored()).toBe(future);
  // The work here can still be taken away.
  await expect(page.getByTestId('save-failed').getByRole('button', { name: 'Export to file' })).toBeVisible();
  await other.close();
});

test('the Workspace page says how much is stored and what the browser allows, and warns well before it is full', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  await app.goTo('Workspace');
  const local = page.getByTestId('storage-workspace');
  await expect(local).toContainText("The first screens' part of the workspace and its copies take");
  await expect(local).not.toContainText('Nearly full');
  await expect(page.getByTestId('storage-site')).toContainText('this browser allows');
  // Other data takes most of the room: the next save says so, with the export beside it.
  await page.evaluate(() => { for (let i = 0; i < 42; i++) localStorage.setItem(`filler-${i}`, 'x'.repeat(100_000)); });
  await page.getByLabel('Team name').fill('Nearly out of room');
  await app.saved();
  await expect(local).toContainText('Nearly full: export a copy now');
  await expect(local).toHaveClass(/rc-warning/);
  await expect(page.getByRole('status').filter({ hasText: 'Nearly full' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export to file' })).toBeVisible();
});
