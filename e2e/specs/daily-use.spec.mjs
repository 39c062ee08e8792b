// Daily use (issue 15): what a person typed survives other tabs, and the board and the model keep
// to the rules a team expects.
import { test, expect } from '../fixtures.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an open form survives saves in another tab, and says when its own member changed there', async ({ app, page, context }) => {
  const other = await app.stagedSecondTab(context, '#/team', 'Team');
  await app.memberRow('Chen Wei').getByRole('button', { name: /^Edit/ }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Senior representative (typed, not saved)');
  // The other tab moves a card and saves: the form stays, with what was typed.
  await other.locator('a[href="#/board"]').click();
  const card = (await other.locator('.rc-board__cell[data-column="col_todo"] .rc-task__title').first().textContent()).trim();
  await other.getByRole('button', { name: new RegExp(`^${esc(card)}\\.`) }).focus();
  await other.keyboard.press('Shift+ArrowRight');
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect.poll(async () => (await app.storedWorkspace()).board.tasks.find((t) => t.title === card).column).toBe('col_doing');
  await expect(title).toHaveValue('Senior representative (typed, not saved)');
  await expect(page.getByTestId('changed-elsewhere')).toHaveCount(0);
  // The other tab changes this very member: the form says so, with their value, and keeps ours.
  await other.locator('a[href="#/team"]').click();
  await other.getByRole('row').filter({ has: other.getByRole('rowheader', { name: 'Chen Wei', exact: true }) }).getByRole('button', { name: /^Edit/ }).click();
  await other.getByLabel('Title', { exact: true }).fill('Team coach');
  await other.getByRole('button', { name: 'Save' }).click();
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(page.getByTestId('changed-elsewhere')).toContainText('Title: Team coach');
  await expect(title).toHaveValue('Senior representative (typed, not saved)');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.memberRow('Chen Wei')).toContainText('Senior representative (typed, not saved)');
  await other.close();
});

test('a 2,000-character name is refused with a message, and a long unbroken title wraps in the table', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.startFromTemplate();
  await app.memberRow('Chen Wei').getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Name', { exact: true }).fill('x'.repeat(2000));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('That is too long: at most 120 characters.');
  await page.getByLabel('Name', { exact: true }).fill('Chen Wei');
  await page.getByLabel('Title', { exact: true }).fill('y'.repeat(110));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.memberRow('Chen Wei')).toContainText('y'.repeat(110));
  const fits = await page.evaluate(() => { const w = document.querySelector('.rc-table-wrap'); return w.scrollWidth <= w.clientWidth + 1; });
  expect(fits).toBe(true);
});

test('removing the only QA person says what breaks first, and their open tasks can go to someone', async ({ app, page }) => {
  await app.startFromTemplate();
  const before = await app.storedWorkspace();
  const sam = before.members.find((m) => m.name === 'Sam Okafor').id;
  const done = before.board.columns.filter((c) => c.kind === 'done').map((c) => c.id);
  const samsTasks = before.board.tasks.filter((t) => t.assignees.includes(sam) && !t.archived && !done.includes(t.column)).map((t) => t.id);
  expect(samsTasks.length).toBeGreaterThan(0);
  await app.memberRow('Sam Okafor').getByRole('button', { name: 'Edit Sam Okafor' }).click();
  await page.getByLabel(/^Give their \d+ open task\(s\) to/).selectOption({ label: 'Chen Wei' });
  await page.getByRole('button', { name: 'Remove member' }).click();
  const confirm = page.getByRole('alertdialog', { name: /^Remove Sam Okafor from the team\?/ });
  await expect(confirm).toContainText('The chart would then have');
  await confirm.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(app.memberRow('Sam Okafor')).toHaveCount(0);
  await app.saved();
  const after = await app.storedWorkspace();
  const chen = after.members.find((m) => m.name === 'Chen Wei').id;
  for (const id of samsTasks) expect(after.board.tasks.find((t) => t.id === id).assignees).toContain(chen);
});

test('the keyboard keeps its place: Alt+digit focuses the new page\'s heading, closing the task editor its card', async ({ app, page }) => {
  await app.startFromTemplate();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeFocused();
  const first = page.locator('.rc-board__cell[data-column="col_todo"] .rc-task__open').first();
  await first.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(first).toBeFocused();
  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeFocused();
});

test('on a phone, a sideways swipe on the board stays on the board', async ({ app, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await app.startFromTemplate();
  await app.goTo('Board');
  await expect(page.locator('.rc-board')).toHaveCSS('overscroll-behavior-x', 'contain');
});
