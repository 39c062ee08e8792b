// Files and links that once crashed, froze or silently changed a workspace (issue 11).
import { test, expect } from '../fixtures.mjs';
import { BACKUP_KEY, STORAGE_KEY } from '../pages/app.mjs';
import { deflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const PAGES = ['Team', 'Roles', 'Skills', 'Responsibilities', 'Handbook', 'Board', 'Insights', 'Workspace'];

// Every page, and every Insights tab, shows without a console error (the fixture fails the test on one).
async function visitEveryPage(app, page) {
  for (const name of PAGES) await app.goTo(name);
  await app.goTo('Insights');
  for (const tab of ['Service', 'Capacity', 'Skills']) {
    await page.getByRole('radio', { name: tab }).check();
    await expect(page.getByRole('radio', { name: tab })).toBeChecked();
  }
}

const crashes = {
  'a task created near the largest date chrono holds': (ws) => { ws.board.tasks[0].created_at = '+262142-12-31T03:09:09Z'; },
  'a task completed in year -262143': (ws) => {
    const done = ws.board.tasks.find((t) => t.completed_at) ?? ws.board.tasks[1];
    done.completed_at = '-262143-01-01T00:00:00Z';
  },
  'a service standard of 4,294,967,295 hours': (ws) => { ws.board.standards[0].resolution_hours = 4294967295; },
};

for (const [name, bend] of Object.entries(crashes)) {
  test(`importing a file with ${name} leaves every page working, then and after a reload`, async ({ app, page }) => {
    await app.startFromTemplate();
    await app.goTo('Workspace');
    const file = JSON.parse((await app.exportFile()).text);
    bend(file.workspace);
    await app.dropFile('bent.json', JSON.stringify(file));
    const dialog = page.getByRole('dialog');
    // The clamp is reported, not made silently.
    await expect(dialog.getByTestId('import-repairs')).toContainText(/outside the years 1970–9999|out of range/);
    await dialog.getByRole('button', { name: 'Replace workspace' }).click();
    await app.saved();
    await visitEveryPage(app, page);
    await page.reload();
    await visitEveryPage(app, page);
  });
}

test('the board settings refuse a service target longer than a year', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Board');
  await page.getByText('Board settings').click();
  const field = page.getByLabel('Resolution for p1 (hours)');
  await field.fill('2400000000');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('A service target must be a whole number of hours from 1 to 8760 (a year).');
  await app.saved();
  expect((await app.storedWorkspace()).board.standards[0].resolution_hours).toBe(4);
  await field.fill('48');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await app.saved();
  expect((await app.storedWorkspace()).board.standards[0].resolution_hours).toBe(48);
});

// The link that froze the tab: 177 characters that inflate to 16,000 empty departments.
function bombLink(base) {
  const json = JSON.stringify({ format: 'rolecall', version: 4, workspace: { departments: Array(16000).fill({}) } });
  const payload = deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url');
  return `${base}#share=1.${payload}`;
}

// How long the link takes is a figure of `./dev bench` ("worst share link"), not a test: the
// test waits for the state it asserts, so a busy machine cannot fail it.
test('a tiny link that unpacks to 16,000 items is previewed, and the tab stays usable', async ({ app, page, context }) => {
  await app.startFromTemplate();
  await app.saved();
  const before = await app.stored();
  const link = bombLink(page.url().split('#')[0]);
  expect(link.length).toBeLessThan(400);
  // Opened cold, in a new tab, as from a chat message: the app reads it as soon as it starts.
  const tab = await context.newPage();
  await tab.goto(link);
  const dialog = tab.getByRole('dialog', { name: 'Import “shared link”?' });
  await expect(dialog).toContainText('16000');
  // Usable: the next frame comes, and the dialog answers the keyboard.
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await tab.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await app.stored()).toBe(before);
  await tab.close();
});

test('a link that unpacks to more than a link may carry is refused, and nothing changes', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const before = await app.stored();
  const json = JSON.stringify({ format: 'rolecall', version: 4, workspace: { name: 'x'.repeat(3 * 1024 * 1024) } });
  const payload = deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url');
  await page.evaluate((p) => { location.hash = `#share=1.${p}`; }, payload);
  await expect(page.getByTestId('import-error')).toContainText('the link unpacks to more than 2.0 MB');
  expect(await app.stored()).toBe(before);
});

// From the next page load on, this browser has no room for the backup copy of stored data.
async function noRoomForBackups(page) {
  await page.addInitScript((key) => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith(key)) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  }, BACKUP_KEY);
}

test('stored data that needs repair is never saved over when no backup copy can be kept', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const original = await readFile(fileURLToPath(new URL('../../tests/fixtures/needs-repair.json', import.meta.url)), 'utf8');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, original]);
  await noRoomForBackups(page);
  await page.reload();
  const banner = page.getByTestId('load-repairs');
  await expect(banner).toContainText('there is no room to keep a copy of the original');
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Edited before confirming');
  await page.waitForTimeout(800); // longer than the autosave delay: nothing may be written
  expect(await app.stored()).toBe(original);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the original' }).click(),
  ]);
  expect(await readFile(await download.path(), 'utf8')).toBe(original);
  await banner.getByRole('button', { name: 'Save the repaired workspace' }).click();
  await expect(banner).toBeHidden();
  await app.saved();
  expect((await app.storedWorkspace()).name).toBe('Edited before confirming');
});

test('unreadable stored data with no room for a copy: the recovery screen says so and downloads the data itself', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const corrupt = (await app.stored()).slice(0, 400);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, corrupt]);
  await noRoomForBackups(page);
  await page.reload();
  await expect(page.getByRole('main')).toContainText('this browser has no room to keep a copy of it');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the stored data' }).click(),
  ]);
  expect(await readFile(await download.path(), 'utf8')).toBe(corrupt);
  expect(await app.stored()).toBe(corrupt);
});
