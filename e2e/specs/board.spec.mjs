import { test, expect } from '../fixtures.mjs';

const cardNamed = (page, title) => page.locator('.rc-task').filter({ has: page.getByRole('button', { name: new RegExp(`^${title}\\.`) }) });
const cell = (page, column) => page.locator(`.rc-board__cell[data-column="${column}"]`);
const head = (page, name) => page.locator('.rc-board__head').filter({ has: page.getByRole('heading', { name, exact: true }) });
const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

test.beforeEach(async ({ app }) => {
  await app.startFromTemplate();
  await app.goTo('Board');
});

test('create a task, drag it across columns, reload, and find it where it was left', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill('Call ACME back about the outage');
  await dialog.getByLabel('Type').selectOption({ label: 'Incident' });
  await dialog.getByLabel('Priority').selectOption('P2');
  await dialog.getByLabel('Estimate (hours)').fill('1.5');
  await dialog.getByLabel('Labels (comma-separated)').fill('acme, phone');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const card = cardNamed(page, 'Call ACME back about the outage');
  await expect(cell(page, 'col_todo').locator('.rc-task').last()).toContainText('Call ACME back about the outage');
  await expect(card).toContainText('#acme');

  await card.dragTo(cell(page, 'col_review'));
  await expect(cell(page, 'col_review')).toContainText('Call ACME back about the outage');
  await expect(cell(page, 'col_todo')).not.toContainText('Call ACME back about the outage');
  await app.saved();
  await page.reload();
  await expect(cell(page, 'col_review')).toContainText('Call ACME back about the outage');
  const stored = (await app.storedWorkspace()).board.tasks.find((t) => t.title === 'Call ACME back about the outage');
  expect(stored.history.map((m) => m.to)).toEqual(['col_todo', 'col_review']);
  expect(stored.estimate_hours).toBe(1.5);
});

test('drag within a column keeps the order chosen', async ({ app, page }) => {
  const backlog = cell(page, 'col_backlog');
  const titles = () => backlog.locator('.rc-task__title').allTextContents();
  const before = await titles();
  await cardNamed(page, before[2]).dragTo(cardNamed(page, before[0]), { targetPosition: { x: 20, y: 5 } });
  await expect.poll(titles).toEqual([before[2], before[0], before[1]]);
  await app.saved();
  await page.reload();
  await expect.poll(titles).toEqual([before[2], before[0], before[1]]);
});

test('move a card with the keyboard alone', async ({ app, page }) => {
  const button = page.getByRole('button', { name: /^Refund request for order 4821\./ });
  await button.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cell(page, 'col_doing')).toContainText('Refund request for order 4821');
  await expect(page.getByRole('button', { name: /^Refund request for order 4821\./ })).toBeFocused();
  const refund = page.getByRole('button', { name: /^Refund request for order 4821\./ });
  for (const key of ['Shift+ArrowUp', 'Shift+ArrowUp']) {
    await page.keyboard.press(key);
    await expect(refund).toBeFocused();
  }
  await expect(cell(page, 'col_doing').locator('.rc-task__title').first()).toHaveText('Refund request for order 4821');
  for (const key of ['Shift+ArrowLeft', 'Shift+ArrowLeft']) {
    await page.keyboard.press(key);
    await expect(refund).toBeFocused();
  }
  await expect(cell(page, 'col_backlog')).toContainText('Refund request for order 4821');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
  await page.getByRole('dialog').getByLabel('Column').selectOption({ label: 'Done' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(cell(page, 'col_done')).toContainText('Refund request for order 4821');
  await app.saved();
  const t = (await app.storedWorkspace()).board.tasks.find((x) => x.title === 'Refund request for order 4821');
  expect(t.completed_at).not.toBeNull();
});

test('going over a WIP limit is allowed and shown', async ({ page }) => {
  const review = head(page, 'Review');
  await expect(review).toContainText('1 / 3');
  await page.getByText('Board settings').click();
  await page.getByLabel('WIP limit for Review').fill('1');
  await page.getByLabel('WIP limit for Review').press('Tab');
  await expect(review).toContainText('1 / 1');
  await page.getByRole('button', { name: /^Weekly quality review: 20 chats\./ }).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(review).toContainText('2 / 1');
  await expect(review).toHaveClass(/rc-board__head--over/);
  await expect(review.getByRole('status')).toHaveText('Over its WIP limit: 2 tasks for a limit of 1. Finish work before starting more.');
  await expect(cell(page, 'col_review')).toContainText('Weekly quality review');
});

test('search and filters combine, show that they are on, and clear with one click', async ({ page }) => {
  // The filter hides cards (they stay in the page): count what is shown.
  const cards = page.locator('.rc-task:visible');
  await expect(cards).toHaveCount(10);
  await page.getByRole('searchbox', { name: 'Search' }).fill('billing');
  await expect(cards).toHaveCount(1);
  await expect(page.getByText('Filters on: 1')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByLabel('Priority', { exact: true }).selectOption('P3');
  await page.getByLabel('Assignee').selectOption({ label: 'Sam Okafor' });
  await expect(page.getByText('Filters on: 2')).toBeVisible();
  await expect(cards).toHaveCount(3);
  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Training' });
  await expect(cards).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards).toHaveCount(10);
  await expect(page.getByText(/Filters on/)).toHaveCount(0);
  await expect(page.getByLabel('Assignee')).toHaveValue('');
});

test('an overdue task is marked and found by the overdue filter', async ({ page }) => {
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill('Send the signed contract');
  await dialog.getByLabel('Priority').selectOption('P4');
  await dialog.getByLabel('Due date').fill(isoDay(-2));
  await dialog.getByRole('button', { name: 'Save' }).click();
  const card = cardNamed(page, 'Send the signed contract');
  await expect(card.locator('.rc-due--overdue')).toHaveText('Overdue');
  await page.getByLabel('Overdue only').check();
  await expect(page.locator('.rc-task:visible')).toHaveCount(1);
  await expect(card).toBeVisible();
});

test('the top suggestion for the unassigned incident is the technical specialist, and one click assigns', async ({ app, page }) => {
  await page.getByRole('button', { name: /^Chat widget outage on mobile\./ }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  const first = dialog.locator('.rc-suggestion').first();
  await expect(first).toContainText('Tom Becker');
  await expect(first).toContainText('meets 1 of 1 required skills · Responsible for the duty');
  await dialog.getByRole('button', { name: 'Assign Tom Becker' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Tom Becker' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Assign Tom Becker' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(cardNamed(page, 'Chat widget outage on mobile').locator('.rc-avatar')).toHaveText('TB');
  await app.saved();
  const ws = await app.storedWorkspace();
  const tom = ws.members.find((m) => m.name === 'Tom Becker').id;
  expect(ws.board.tasks.find((t) => t.title === 'Chat widget outage on mobile').assignees).toEqual([tom]);
});

test('swimlanes group the board by assignee and by priority', async ({ page }) => {
  await page.getByLabel('Swimlanes').selectOption({ label: 'By assignee' });
  const lanes = page.locator('.rc-board__lane-title');
  await expect(lanes).toContainText(['Maria Lopez', 'Chen Wei']);
  await expect(lanes.last()).toHaveText('Unassigned');
  await page.getByLabel('Swimlanes').selectOption({ label: 'By priority' });
  await expect(lanes.first()).toHaveText('P1 · Critical');
});

test('a task with two people is in the shared lane, and a card dropped into a person\'s lane is theirs', async ({ app, page }) => {
  // Tall enough for both lanes at once: a real drag, with no scrolling in between.
  await page.setViewportSize({ width: 1400, height: 2400 });
  await page.getByLabel('Swimlanes').selectOption({ label: 'By assignee' });
  const lane = (name) => page.locator('.rc-board__lane').filter({ has: page.locator('.rc-board__lane-title', { hasText: name }) });
  const shared = 'Product training: new billing portal';
  await expect(lane('Shared (several people)')).toContainText(shared);
  await expect(lane('Tom Becker')).not.toContainText(shared);
  // Chen Wei's first card, dropped into Tom Becker's lane in the same column.
  const card = lane('Chen Wei').locator('.rc-task').first();
  const title = (await card.locator('.rc-task__title').textContent()).trim();
  const column = await card.locator('xpath=ancestor::ul[contains(@class, "rc-board__cell")]').getAttribute('data-column');
  await card.dragTo(lane('Tom Becker').locator(`.rc-board__cell[data-column="${column}"]`));
  await expect(lane('Tom Becker')).toContainText(title);
  await app.saved();
  const ws = await app.storedWorkspace();
  const tom = ws.members.find((m) => m.name === 'Tom Becker').id;
  expect(ws.board.tasks.find((t) => t.title === title).assignees).toEqual([tom]);
});

test('quick add: a card from its title alone at the foot of a column, one after another', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Add a card to In progress' }).click();
  const field = page.getByRole('textbox', { name: 'Add a card to In progress' });
  await expect(field).toBeFocused();
  await field.fill('Call back ACME');
  await field.press('Enter');
  await field.fill('Check the refund queue');
  await field.press('Enter');
  await expect(cell(page, 'col_doing').locator('.rc-task').nth(-2)).toContainText('Call back ACME');
  await expect(cell(page, 'col_doing').locator('.rc-task').last()).toContainText('Check the refund queue');
  await expect(field).toHaveValue('');
  await field.press('Escape');
  await expect(page.getByRole('button', { name: 'Add a card to In progress' })).toBeVisible();
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.board.tasks.filter((t) => ['Call back ACME', 'Check the refund queue'].includes(t.title)).map((t) => t.column)).toEqual(['col_doing', 'col_doing']);
});

test('archived tasks are listed, searched and restored to the board', async ({ app, page }) => {
  const done = (await page.locator('.rc-board__cell[data-column="col_done"] .rc-task__title').allTextContents()).map((s) => s.trim());
  expect(done.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Archive done tasks' }).click();
  await expect(cell(page, 'col_done').locator('.rc-task')).toHaveCount(0);
  await page.getByRole('button', { name: `Archived tasks (${done.length})` }).click();
  await page.getByLabel('Search archived tasks').fill(done[0].slice(0, 8));
  await expect(page.getByTestId('archived-task').first()).toContainText(done[0]);
  await page.getByRole('button', { name: `Restore “${done[0]}” to the board` }).click();
  await expect(cell(page, 'col_done')).toContainText(done[0]);
  await app.saved();
  expect((await app.storedWorkspace()).board.tasks.find((t) => t.title === done[0]).archived).toBe(false);
});

test('the workload view shows open work against capacity and links to a filtered board', async ({ page }) => {
  await page.getByRole('group', { name: 'View' }).getByRole('radio', { name: 'Workload' }).check();
  const tom = page.getByRole('meter', { name: 'Tom Becker' });
  await expect(tom).toHaveAttribute('aria-valuetext', '5 of 40 h');
  await page.getByRole('button', { name: "Show Tom Becker's tasks" }).click();
  await expect(page.getByText('Filters on: 1')).toBeVisible();
  await expect(page.locator('.rc-task:visible')).toHaveCount(3);
});

test('done tasks can be archived: off the board, still in the data', async ({ app, page }) => {
  await expect(cell(page, 'col_done').locator('.rc-task')).toHaveCount(2);
  await page.getByRole('button', { name: 'Archive done tasks' }).click();
  await expect(page.getByText('2 tasks archived')).toBeVisible();
  await expect(cell(page, 'col_done').locator('.rc-task')).toHaveCount(0);
  await app.saved();
  const tasks = (await app.storedWorkspace()).board.tasks;
  expect(tasks).toHaveLength(10);
  expect(tasks.filter((t) => t.archived)).toHaveLength(2);
});

test('columns can be added, renamed and removed, moving their tasks', async ({ page }) => {
  await page.getByText('Board settings').click();
  await page.getByLabel('New column').fill('Waiting on customer');
  await page.getByRole('button', { name: 'Add column' }).click();
  await expect(head(page, 'Waiting on customer')).toBeVisible();
  await page.getByLabel('Name of column Backlog').fill('Inbox');
  await page.getByLabel('Name of column Backlog').press('Tab');
  await expect(head(page, 'Inbox')).toContainText('3');
  await page.getByRole('button', { name: 'Remove column Inbox' }).click();
  await page.getByLabel('Move its tasks to').selectOption({ label: 'To do' });
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(head(page, 'Inbox')).toHaveCount(0);
  await expect(head(page, 'To do')).toContainText('5');
});

test('a member over capacity is flagged on the board, in the task dialog and on the team page', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill('Migrate every customer record');
  await dialog.getByLabel('Estimate (hours)').fill('60');
  await dialog.getByRole('checkbox', { name: 'Li Na' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.rc-task').filter({ hasText: 'Migrate every customer record' }).locator('.rc-avatar--over')).toHaveText('LN');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('dialog').locator('label').filter({ hasText: 'Li Na' })).toContainText('Over capacity');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await app.goTo('Team');
  await expect(app.memberRow('Li Na')).toContainText('Over capacity');
  await expect(app.memberRow('Chen Wei')).not.toContainText('Over capacity');
});

test('the print view shows every column and card, without the controls, within the page width', async ({ page }) => {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add task' })).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Workload' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  const heads = page.locator('.rc-board__head');
  expect(await heads.count()).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.rc-task').first()).toBeVisible();
  // No column is cut off at the paper's edge: nothing scrolls sideways.
  const board = page.locator('.rc-board');
  const [scroll, client] = await board.evaluate((b) => [b.scrollWidth, b.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
  const last = await heads.last().boundingBox();
  expect(last.x + last.width).toBeLessThanOrEqual(794);
  await page.screenshot({ path: test.info().outputPath('board-print.png'), fullPage: true });
  await page.pdf({ path: test.info().outputPath('board.pdf') });
});
