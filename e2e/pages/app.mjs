// The page object: what a person does in Rolecall, in their words (roles and labels).
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export const STORAGE_KEY = 'rolecall.workspace';
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
    return JSON.parse(await this.stored()).workspace;
  }

  /** The workspace as stored, once the autosave has written what is on screen: a read never
   * races the save. */
  async storedWorkspace() {
    await this.saved();
    return JSON.parse(await this.stored()).workspace;
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
