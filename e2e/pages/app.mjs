// The page object: what a person does in Rolecall, in their words (roles and labels).
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The workspace's hot part (what the first screens show); its history is in IndexedDB. */
export const STORAGE_KEY = 'rolecall.hot';
/** Where versions before the hot part kept the whole workspace (seeded by tests of the move). */
export const OLD_STORAGE_KEY = 'rolecall.workspace';

/**
 * The stored workspace, whole: the hot part joined with its cold rows in IndexedDB, as the app
 * reads it back (runs in the page). `null` when nothing is stored.
 */
export async function readStoredWhole(page) {
  return page.evaluate(async (key) => {
    const text = localStorage.getItem(key);
    if (!text) return null;
    const env = JSON.parse(text);
    const layout = env.layout;
    if (!layout || !layout.gen) return env.workspace;
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rolecall');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const os = db.transaction('rows').objectStore('rows');
    const range = IDBKeyRange.bound(`${layout.gen}|`, `${layout.gen}}`, false, true);
    const ask = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const [keys, records] = await Promise.all([ask(os.getAllKeys(range)), ask(os.getAll(range))]);
    db.close();
    const paths = { 7: ['board', 'tasks'], 8: ['training'], 9: ['skill_history'], 12: ['minutes'], 13: ['improvements'], 15: ['checkins'], 16: ['recognitions'], 17: ['thread'] };
    const byColl = {};
    keys.forEach((k, i) => {
      const [, coll, ...rest] = k.split('|');
      const rec = JSON.parse(records[i]);
      (byColl[Number(coll)] ||= new Map()).set(rest.join('|'), rec);
    });
    for (const [coll, path] of Object.entries(paths)) {
      let holder = env.workspace;
      for (const p of path.slice(0, -1)) holder = holder[p];
      const last = path[path.length - 1];
      const hot = holder[last] || [];
      const places = layout.places[coll] || [];
      const cold = byColl[coll] || new Map();
      const all = [];
      hot.forEach((row, i) => {
        const [k, o] = places[i];
        const c = cold.get(k);
        if (c && c.r > env.revision) all.push([c.o, k, c.v]); else all.push([o, k, row]);
        cold.delete(k);
      });
      for (const [k, c] of cold) all.push([c.o, k, c.v]);
      const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
      all.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
      holder[last] = all.map((x) => x[2]);
    }
    return env.workspace;
  }, STORAGE_KEY);
}
export const BACKUP_KEY = 'rolecall.backup';

export class RolecallApp {
  constructor(page) { this.page = page; }

  /** Opens the app (fresh origin storage per test context). */
  async open(hash = '') {
    await this.page.goto(hash ? `./${hash}` : './');
    await expect(this.page.locator('main')).toBeVisible();
  }

  async startFromTemplate() {
    await this.open();
    await this.page.getByRole('button', { name: /Start from the service team template/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  }

  async startEmpty() {
    await this.open();
    await this.page.getByRole('button', { name: /Start with an empty workspace/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  }

  /** Chooses a preference in the header (theme, language, "I am"), opening its menu (☰) where it is folded. */
  async pref(name, value) {
    const box = this.page.getByRole('combobox', { name, exact: true });
    if (!(await box.isVisible())) await this.page.locator('.rc-header__menu').click();
    await box.selectOption(value);
  }

  nav(name) { return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }); }

  async goTo(name) {
    await this.nav(name).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /**
   * Two tabs on the template workspace, this one on page `here`, the other on `otherHash`. The
   * clock is held so that a debounced save waits, however slow the machine: a race between the
   * tabs is staged, not left to timing. Returns the other tab.
   */
  async stagedSecondTab(context, otherHash, here) {
    await context.clock.install();
    await this.startFromTemplate();
    await this.saved();
    const other = await context.newPage();
    await other.goto(this.page.url());
    await other.locator(`a[href="${otherHash}"]`).click();
    await this.goTo(here);
    await context.clock.pauseAt(Date.now() + 60_000);
    return other;
  }

  /** Waits until the autosave has written what is on screen. */
  async saved() {
    await expect(this.page.getByTestId('save-status')).toHaveText('All changes saved');
  }

  async stored(key = STORAGE_KEY) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  /** The workspace as stored now, whatever the save says (a full quota, a save held back). */
  async storedAsIs() {
    return readStoredWhole(this.page);
  }

  /** The workspace as stored, once the autosave has written what is on screen: a read never
   * races the save. */
  async storedWorkspace() {
    await this.saved();
    return readStoredWhole(this.page);
  }

  memberRow(name) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** Exports through the button and returns the downloaded file's path and name. */
  async exportFile() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Export to file' }).first().click(),
    ]);
    const path = await download.path();
    return { path, name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Picks a file in the import file picker; `name` overrides the file's name (downloads
   * are stored under random names). */
  async importFile(path, name) {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: /^Import/ }).first().click(),
    ]);
    if (name) {
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: await readFile(path) });
    } else {
      await chooser.setFiles(path);
    }
  }

  /** Drops a file with this text on the page, as a person dragging it from their desktop. */
  async dropFile(name, text) {
    const dt = await this.page.evaluateHandle(([n, t]) => {
      const d = new DataTransfer();
      d.items.add(new File([t], n, { type: 'application/json' }));
      return d;
    }, [name, text]);
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
    await this.page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  }
}
