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

test('the board fits a 1366 × 768 laptop: one header row, one filter bar, heads in view, columns that scroll on their own', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.startFromTemplate();
  await app.goTo('Board');
  expect((await page.locator('.rc-header').boundingBox()).height).toBeLessThan(70);
  const first = await page.locator('.rc-task').first().boundingBox();
  expect(first.y).toBeLessThan(300);
  expect(first.y + first.height).toBeLessThan(768);
  // Every filter in one bar, one line high, marking the ones that are on and counting them.
  const bar = page.getByRole('search');
  expect((await bar.boundingBox()).height).toBeLessThan(60);
  await page.getByLabel('Priority', { exact: true }).selectOption('P1');
  await expect(page.getByLabel('Priority', { exact: true })).toHaveClass(/rc-filter--on/);
  await expect(page.getByLabel('Type', { exact: true })).not.toHaveClass(/rc-filter--on/);
  await expect(bar.getByRole('status')).toContainText('Filters on: 1');
  await bar.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bar.getByRole('status')).toHaveCount(0);
  // Thirty more cards in To do: that column scrolls inside the screen, its head stays, and the
  // other columns do not move.
  await page.getByRole('button', { name: 'Add a card to To do' }).click();
  const field = page.getByLabel('Add a card to To do');
  for (let i = 1; i <= 30; i++) {
    await field.fill(`Call back customer ${i}`);
    await field.press('Enter');
  }
  const cell = page.locator('.rc-board__cell[data-column="col_todo"]');
  await expect(cell.locator('.rc-task')).toHaveCount(32);
  const size = await cell.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, bottom: el.getBoundingClientRect().bottom }));
  expect(size.scroll).toBeGreaterThan(size.client + 500);
  expect(size.bottom).toBeLessThanOrEqual(768);
  const head = page.locator('.rc-board__head[data-column="col_todo"]');
  const headY = (await head.boundingBox()).y;
  const neighbour = page.locator('.rc-board__cell[data-column="col_doing"] .rc-task').first();
  const neighbourY = (await neighbour.boundingBox()).y;
  await cell.locator('.rc-task').nth(3).hover();
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => cell.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  expect((await head.boundingBox()).y).toBe(headY);
  expect((await neighbour.boundingBox()).y).toBe(neighbourY);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('"My work": I choose who I am once in this browser, the header counts my tasks, and the board shows them', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Board');
  await expect(page.getByTestId('my-work')).toHaveCount(0);
  // Nobody chosen yet: "My tasks" says where to choose, and opens that menu.
  await page.getByRole('button', { name: 'My tasks' }).click();
  await expect(page.getByText(/^Choose who you are under “I am”/)).toBeVisible();
  const me = page.getByRole('combobox', { name: 'I am' });
  await expect(me).toBeFocused();
  await me.selectOption({ label: 'Chen Wei' });
  const ws = await app.storedWorkspace();
  const chen = ws.members.find((m) => m.name === 'Chen Wei').id;
  const done = ws.board.columns.filter((c) => c.kind === 'done').map((c) => c.id);
  const open = ws.board.tasks.filter((t) => t.assignees.includes(chen) && !t.archived && !done.includes(t.column));
  expect(open.length).toBeGreaterThan(0);
  const chip = page.getByTestId('my-work');
  await expect(chip).toHaveText(new RegExp(`^Mine: ${open.length} open, \\d+ late$`));
  // A task given to me counts at once.
  await page.getByRole('button', { name: 'Add a card to Backlog' }).click();
  await page.getByLabel('Add a card to Backlog').fill('Follow up the refund for order 4821');
  await page.getByLabel('Add a card to Backlog').press('Enter');
  await page.getByRole('button', { name: /^Follow up the refund for order 4821\./ }).click();
  await page.getByRole('dialog').getByRole('checkbox', { name: /^Chen Wei/ }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(chip).toHaveText(new RegExp(`^Mine: ${open.length + 1} open, \\d+ late$`));
  // The chip shows my tasks on the board; "My tasks" is then on, and turns off again.
  await app.goTo('Team');
  await chip.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  const mine = page.getByRole('button', { name: 'My tasks' });
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  const shown = page.locator('.rc-task:visible');
  await expect(shown).not.toHaveCount(0);
  for (const card of await shown.all()) await expect(card.locator('.rc-avatar[title^="Chen Wei"]')).toHaveCount(1);
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.rc-task:visible')).toHaveCount(ws.board.tasks.filter((t) => !t.archived).length + 1);
  // Kept in this browser, not in the workspace.
  await page.reload();
  await expect(chip).toHaveText(new RegExp(`^Mine: ${open.length + 1} open`));
  expect(JSON.stringify(await app.storedWorkspace())).not.toContain('"me"');
});

test('an unsaved form is kept when the user leaves the page or reloads, until it is saved or discarded', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Board');
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title', { exact: true }).fill('Call the bank about the refund');
  await dialog.getByLabel('Description').fill('They promised an answer by Friday.');
  await dialog.getByLabel('Estimate (hours)').fill('2.5');
  // Alt+1 to the Team page and back: the form is open again, as it was.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('draft-kept')).toContainText('Your unsaved changes were kept.');
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Call the bank about the refund');
  // And through a reload.
  await page.reload();
  await expect(dialog.getByLabel('Description')).toHaveValue('They promised an answer by Friday.');
  await expect(dialog.getByLabel('Estimate (hours)')).toHaveValue('2.5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await app.saved();
  expect((await app.storedWorkspace()).board.tasks.find((t) => t.title === 'Call the bank about the refund').estimate_hours).toBe(2.5);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // A member form, left by a navigation link and come back to with the browser's Back.
  await app.goTo('Team');
  await app.memberRow('Chen Wei').getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Title', { exact: true }).fill('Shift lead (not saved yet)');
  await app.nav('Board').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Shift lead (not saved yet)');
  // Discarding closes it and changes nothing; it does not come back.
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveCount(0);
  await expect(app.memberRow('Chen Wei')).not.toContainText('Shift lead');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveCount(0);
});

test('a KPI chart fits its axis to the values, names the target in its legend, and its text is one readable size', async ({ app, page }) => {
  for (const [width, height] of [[1366, 768], [360, 740]]) {
    await page.setViewportSize({ width, height });
    if (width === 1366) await app.startFromTemplate();
    else await page.reload();
    await app.goTo('Insights');
    await page.getByRole('radio', { name: 'Service' }).check();
    const csat = page.getByRole('article', { name: 'Customer satisfaction (CSAT)' });
    // The axis holds the values and the target, on four round ticks, and is not 0–100.
    const kpi = (await app.storedWorkspace()).kpis.find((k) => k.name === 'Customer satisfaction (CSAT)');
    const values = kpi.values.map((v) => v.value).concat(kpi.target);
    const ticks = (await csat.locator('.rc-chart__tick text').allTextContents()).map(Number);
    expect(ticks).toHaveLength(4);
    const step = ticks[1] - ticks[0];
    expect(step).toBeGreaterThan(0);
    expect(ticks.every((t, i) => Math.abs(t - ticks[0] - i * step) < 1e-9 && Number.isInteger(t / step))).toBe(true);
    expect(ticks[0]).toBeGreaterThanOrEqual(50);
    expect(ticks[0]).toBeLessThanOrEqual(Math.min(...values));
    expect(ticks[3]).toBeGreaterThanOrEqual(Math.max(...values));
    await expect(csat.locator('.rc-chart__legend')).toContainText('Target 90');
    await expect(csat.locator('.rc-chart__reference text')).toHaveCount(0);
    const sizes = await page.locator('.rc-chart__svg text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(sizes.length).toBeGreaterThan(10);
    for (const h of sizes) {
      expect(h, `${width} px`).toBeGreaterThanOrEqual(11);
      expect(h, `${width} px`).toBeLessThanOrEqual(20);
    }
  }
});

test('a task keeps comments with their author and time, and lists who moved, assigned and reprioritised it', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.pref('I am', 'Chen Wei');
  await app.goTo('Board');
  const card = page.getByRole('button', { name: /^Complaint: late delivery, third call\./ });
  await card.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('No comments yet.')).toBeVisible();
  await expect(dialog.getByText('Signed as Chen Wei.', { exact: false })).toBeVisible();
  const box = dialog.getByRole('textbox', { name: 'Add a comment' });
  // An empty comment is refused with a message; Ctrl+Enter posts.
  await dialog.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await box.fill('Customer called a third time.\nOffered a voucher.');
  await box.press('Control+Enter');
  const comments = dialog.getByTestId('comments').getByRole('listitem');
  await expect(comments).toHaveCount(1);
  await expect(comments.first()).toContainText('Chen Wei');
  await expect(comments.first()).toContainText('Offered a voucher.');
  await expect(comments.first().locator('time')).toHaveText(/\d{2}:\d{2}$/);
  await expect(box).toHaveValue('');
  await box.fill('Escalated to QA.');
  await dialog.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(comments).toHaveCount(2);
  // Assign myself, raise the priority, move it on: saved, each is in the activity list.
  const ws = await app.storedWorkspace();
  const task = ws.board.tasks.find((t) => t.title === 'Complaint: late delivery, third call');
  const next = ws.board.columns.find((c) => c.id !== task.column && c.kind !== 'done');
  await dialog.getByRole('checkbox', { name: /^Chen Wei/ }).check();
  await dialog.getByLabel('Priority').selectOption('P1');
  await dialog.getByLabel('Column', { exact: true }).selectOption({ label: next.name });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: /^Complaint: late delivery, third call\./ }).click();
  await expect(comments).toHaveCount(2);
  await dialog.getByText('Activity', { exact: true }).click();
  const activity = dialog.getByTestId('activity');
  await expect(activity).toContainText('Chen Wei assigned Chen Wei');
  await expect(activity).toContainText('Chen Wei changed the priority from P2 to P1');
  await expect(activity).toContainText(`to ${next.name}`);
  await expect(activity.getByRole('listitem').last()).toContainText('Created in');
  // A comment deleted by mistake comes back with undo.
  await dialog.getByRole('button', { name: /^Delete the comment by Chen Wei/ }).first().click();
  await expect(comments).toHaveCount(1);
  await dialog.getByRole('heading', { name: 'Comments' }).click();
  await page.keyboard.press('Control+z');
  await expect(comments).toHaveCount(2);
  // Kept in the workspace (and so in files and team sync), not in the task.
  const saved = await app.storedWorkspace();
  expect(saved.thread.filter((e) => e.task === task.id && !e.change).map((e) => e.text)).toEqual([
    'Customer called a third time.\nOffered a voucher.',
    'Escalated to QA.',
  ]);
});
