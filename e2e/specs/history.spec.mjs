// A workspace that lasts years (issue 24): the history lives in IndexedDB, the first screens in
// localStorage; the older layout moves on first load; years of work are ordinary data.
import { test, expect } from '../fixtures.mjs';
import { OLD_STORAGE_KEY, STORAGE_KEY, readStoredWhole } from '../pages/app.mjs';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url));

/** A generated workspace file: `tasks` tasks of a team of `members`, with `history` comments. */
async function generated(tasks, members, history) {
  const path = join(tmpdir(), `rolecall-${tasks}-${members}-${history}.json`);
  const text = execFileSync('cargo', ['run', '-q', '--example', 'large_workspace', '--', String(tasks), String(members), String(history)], { cwd: root, maxBuffer: 128 << 20 }).toString();
  await writeFile(path, text);
  return { path, text };
}

/** Seeds localStorage with `entries` once, before the app's first load (not on reloads). */
async function seedOnce(page, entries) {
  await page.addInitScript((e) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, entries);
}

/** What the page stores, by store: localStorage's characters and IndexedDB's rows. */
async function stores(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rolecall');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const count = (store) => new Promise((resolve) => {
      const r = db.transaction(store).objectStore(store).count();
      r.onsuccess = () => resolve(r.result);
    });
    const kept = await new Promise((resolve) => {
      const r = db.transaction('kept').objectStore('kept').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    const out = { rows: await count('rows'), kept, local: 0 };
    db.close();
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out.local += k.length + localStorage.getItem(k).length;
    }
    return out;
  });
}

test('a workspace stored by the earlier layout moves to the new one unchanged, and the earlier key keeps older tabs off', async ({ app, page }) => {
  const seeded = JSON.parse(await readFile(fixture('layout-v1-localstorage.json'), 'utf8'));
  const original = JSON.parse(seeded[OLD_STORAGE_KEY]).workspace;
  // The day it was saved (its routines are paused: nothing runs on opening that would change it).
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  // The browser as an earlier version left it (seeded once, before the app's first load).
  await seedOnce(page, seeded);
  await app.open();
  await expect(page.locator('.rc-header__team')).toHaveText(original.name);
  await app.saved();
  // The new layout holds the same workspace, to the last comment and archived task.
  await expect.poll(async () => (await stores(page)).kept).toEqual([]);
  expect(await readStoredWhole(page)).toEqual(original);
  const hot = JSON.parse(await app.stored());
  expect(hot.layout.gen).toBeTruthy();
  expect(hot.workspace.thread).toEqual([]);
  expect(hot.workspace.board.tasks.some((t) => t.archived)).toBe(false);
  expect((await stores(page)).rows).toBeGreaterThan(original.thread.length);
  // The earlier key holds a mark no earlier version reads or saves over.
  const mark = JSON.parse(await app.stored(OLD_STORAGE_KEY));
  expect(mark.moved).toBe(STORAGE_KEY);
  expect(mark.version).toBeGreaterThan(7);
  expect(mark.revision).toBeGreaterThan(1e15);

  await page.reload();
  await expect(page.locator('.rc-header__team')).toHaveText(original.name);
  await app.goTo('Board');
  await expect(page.locator('.rc-task').first()).toBeVisible();
  expect(await readStoredWhole(page)).toEqual(original);
});

test('a move cut short after the mark opens from the copy kept in the database', async ({ app, page }) => {
  const seeded = JSON.parse(await readFile(fixture('layout-v1-localstorage.json'), 'utf8'));
  const original = JSON.parse(seeded[OLD_STORAGE_KEY]).workspace;
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await app.open();
  // The state a move leaves when the page closed between the mark and the hot part.
  await page.evaluate(async (old) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rolecall', 2);
      r.onupgradeneeded = () => { for (const s of ['sync', 'rows', 'kept']) r.result.createObjectStore(s, { autoIncrement: s === 'sync' }); };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('kept', 'readwrite');
      tx.objectStore('kept').put(old, 'moved-from');
      tx.oncomplete = resolve;
    });
    db.close();
    localStorage.setItem('rolecall.workspace', JSON.stringify({ format: 'rolecall', version: 1000000, revision: 2 ** 53, moved: 'rolecall.hot' }));
  }, seeded[OLD_STORAGE_KEY]);
  await page.reload();
  await expect(page.locator('.rc-header__team')).toHaveText(original.name);
  await app.saved();
  await expect.poll(async () => (await stores(page)).kept).toEqual([]);
  expect(await readStoredWhole(page)).toEqual(original);
});

test('two years of a 30-person team import, show, take edits, save and reload, with the history out of localStorage', async ({ app, page }) => {
  test.setTimeout(240_000);
  // 4,000 tasks (3,000 archived) and 21,000 comments: about 7 MB, more than localStorage holds.
  const { path, text } = await generated(4000, 30, 21000);
  expect(text.length).toBeGreaterThan(6_000_000);
  await app.startEmpty();
  await app.goTo('Workspace');
  await app.importFile(path, 'two-years.json');
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await app.saved();
  await expect(page.getByTestId('save-failed')).toHaveCount(0);
  const { local, rows } = await stores(page);
  expect(local).toBeLessThan(2_500_000);
  expect(rows).toBeGreaterThanOrEqual(24000);
  // An edit on the board, saved row by row.
  await app.goTo('Board');
  await expect(page.locator('.rc-task').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill('After two years');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await app.saved();
  await page.reload();
  await expect(page.locator('.rc-header__team')).toHaveText('Benchmark Service Desk');
  // The history (24,000 rows) is read after the first screen: waited for, however slow the machine.
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved', { timeout: 120_000 });
  await app.goTo('Board');
  await expect(page.getByText('After two years')).toBeVisible();
  const whole = await readStoredWhole(page);
  expect(whole.board.tasks.length).toBe(4001);
  expect(whole.thread.length).toBe(21000);
  expect(whole.board.tasks.filter((t) => t.archived).length).toBe(3000);
  await expect(page.getByTestId('save-failed')).toHaveCount(0);
});

test('where the browser allows no database, the workspace is kept whole in localStorage and the Workspace page says so', async ({ app, page }) => {
  // As in a private window of a browser that allows no database: opening one fails.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  });
  await app.startFromTemplate();
  await app.saved();
  const hot = JSON.parse(await app.stored());
  expect(hot.layout.gen).toBeNull();
  await app.goTo('Workspace');
  await expect(page.getByTestId('storage-workspace')).toContainText('This window keeps no database');
  await page.getByLabel('Team name').fill('Private window team');
  await app.saved();
  await page.reload();
  await expect(page.locator('.rc-header__team')).toHaveText('Private window team');
});

test('a damaged record of the history opens the recovery screen, whose download holds every stored record, and nothing is saved over them', async ({ app, page }) => {
  const seeded = JSON.parse(await readFile(fixture('layout-v1-localstorage.json'), 'utf8'));
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await seedOnce(page, seeded);
  await app.open();
  await app.saved();
  await expect.poll(async () => (await stores(page)).kept).toEqual([]);
  expect((await stores(page)).rows).toBeGreaterThan(10);
  // One record damaged, as a disk or an extension might leave it.
  const damaged = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rolecall');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const keys = await new Promise((resolve) => {
      const r = db.transaction('rows').objectStore('rows').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('rows', 'readwrite');
      tx.objectStore('rows').put('{"o":', keys[3]);
      tx.oncomplete = resolve;
    });
    db.close();
    return { key: keys[3], count: keys.length };
  });
  const hot = await app.stored();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your saved workspace could not be opened' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('could not be read');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the stored data' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(file.hot).toBe(hot);
  expect(file.rows).toHaveLength(damaged.count);
  expect(file.rows).toContainEqual([damaged.key, '{"o":']);
  // Nothing was written over what could not be read.
  expect(await app.stored()).toBe(hot);
  expect((await stores(page)).rows).toBe(damaged.count);
});
