// Nothing a team saves is lost or changed (issue 23): what the app accepts reads back the same,
// forms save only what the user changed, what was removed elsewhere stays removed, and minutes
// survive leaving the page. Each test failed before the one declaration per entity and the form kit.
import { test, expect } from '../fixtures.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE = 'Refund request for a customer whose order arrived damaged twice, with photos attached; '
  .repeat(4).slice(0, 250);

test('a 250-character title (and an improvement\'s and a routine\'s) reads back whole, with no repair', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Board');
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill(TITLE);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await app.goTo('Operations');
  await page.getByRole('radio', { name: 'Improvements' }).check();
  await page.getByRole('button', { name: 'Log an improvement' }).click();
  await page.getByLabel('Problem').fill(`Improvement: ${TITLE}`.slice(0, 300));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('radio', { name: 'Routines' }).check();
  await page.getByRole('button', { name: 'Add routine' }).click();
  await page.getByLabel('Title', { exact: true }).fill(`Routine: ${TITLE}`.slice(0, 300));
  await page.getByRole('button', { name: 'Save' }).click();
  await app.saved();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
  await expect(page.getByText('The saved workspace needed repairs')).toHaveCount(0);
  const ws = await app.storedWorkspace();
  expect(ws.board.tasks.map((t) => t.title)).toContain(TITLE);
  expect(ws.improvements.map((x) => x.problem)).toContain(`Improvement: ${TITLE}`.slice(0, 300));
  expect(ws.routines.map((x) => x.title)).toContain(`Routine: ${TITLE}`.slice(0, 300));
});

test('a form saves only what it changed: another tab\'s capacity survives a save of the notes', async ({ app, page, context }) => {
  const other = await app.stagedSecondTab(context, '#/team', 'Team');
  await app.memberRow('Chen Wei').getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Notes').fill('Prefers the early shift');
  // The other tab sets the capacity to 7 and saves.
  await other.getByRole('row').filter({ has: other.getByRole('rowheader', { name: 'Chen Wei', exact: true }) })
    .getByRole('button', { name: /^Edit/ }).click();
  await other.getByLabel('Weekly capacity (hours)').fill('7');
  await other.getByRole('button', { name: 'Save' }).click();
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(page.getByTestId('changed-elsewhere')).toContainText('Weekly capacity (hours): 7');
  // This tab saves its notes: the capacity stays 7.
  await page.getByRole('button', { name: 'Save' }).click();
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect.poll(async () => (await app.storedWorkspace()).members.find((m) => m.name === 'Chen Wei'))
    .toMatchObject({ capacity_hours: 7, notes: 'Prefers the early shift' });
  await other.close();
});

test('a task removed in another tab is not brought back by Save, nor reopened as new after a reload', async ({ app, page, context }) => {
  const other = await app.stagedSecondTab(context, '#/board', 'Board');
  const name = 'Complaint: late delivery, third call';
  const removed = (await app.storedWorkspace()).board.tasks.find((t) => t.title === name).id;
  await page.getByRole('button', { name: new RegExp(`^${esc(name)}\\.`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Description').fill('Typed while someone else removed it');
  // The other tab removes the task.
  await other.getByRole('button', { name: new RegExp(`^${esc(name)}\\.`) }).click();
  await other.getByRole('dialog').getByRole('button', { name: 'Remove task' }).click();
  await other.getByRole('button', { name: 'Yes, remove' }).click();
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(dialog.getByTestId('changed-elsewhere')).toContainText('Removed elsewhere');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Save cannot bring it back');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect((await app.storedWorkspace()).board.tasks.some((t) => t.title === name)).toBe(false);
  // A reload reopens what was typed, still as removed elsewhere, never as a new task.
  await page.reload();
  await expect(dialog.getByRole('heading', { name: 'Edit task' })).toBeVisible();
  await expect(dialog.getByTestId('changed-elsewhere')).toContainText('Removed elsewhere');
  await expect(dialog.getByLabel('Description')).toHaveValue('Typed while someone else removed it');
  // Only an explicit "Save as new" adds it again, as a new task.
  await dialog.getByRole('button', { name: 'Save as new' }).click();
  await expect(dialog).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect.poll(async () => (await app.storedWorkspace()).board.tasks.filter((t) => t.title === name).length).toBe(1);
  // A new task: a fresh id of the task's kind, with what was typed.
  const added = (await app.storedWorkspace()).board.tasks.find((t) => t.title === name);
  expect(added.id).not.toBe(removed);
  expect(added.id).toMatch(/^tsk_[0-9a-z]{13}$/);
  expect(added.description).toBe('Typed while someone else removed it');
  await other.close();
});

test('meeting minutes survive Alt+digit and the Back button, with no error', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Operations');
  await page.getByRole('button', { name: 'Open Weekly quality and project review' }).click();
  await page.getByLabel('Decisions').fill('Hire one more agent for the evening shift');
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await page.keyboard.press('Alt+8');
  await expect(page.getByLabel('Decisions')).toHaveValue('Hire one more agent for the evening shift');
  await page.getByLabel('Notes').fill('Budget approved');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await page.goForward();
  await expect(page.getByLabel('Notes')).toHaveValue('Budget approved');
  await expect(page.getByLabel('Decisions')).toHaveValue('Hire one more agent for the evening shift');
  await page.getByRole('button', { name: 'Save minutes' }).click();
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.minutes.at(-1)).toMatchObject({ decisions: 'Hire one more agent for the evening shift', notes: 'Budget approved' });
});

test('a KPI value far out of range is refused with a message, and a file holding one still opens its chart', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Insights');
  await page.getByRole('radio', { name: 'Service' }).check();
  const csat = page.getByRole('article', { name: 'Customer satisfaction (CSAT)' });
  await csat.getByLabel('Value').fill('1e308');
  await csat.getByRole('button', { name: 'Record' }).click();
  await expect(csat.getByRole('alert')).toBeVisible();
  // A file (86 bytes would do) with a unitless KPI near the largest number a file can hold.
  const ws = await app.storedWorkspace();
  ws.kpis[0].unit = '';
  ws.kpis[0].target = -1.7e308;
  ws.kpis[0].values.at(-1).value = 1.7e308;
  const file = JSON.stringify({ format: 'rolecall', version: 7, workspace: ws });
  await app.goTo('Workspace');
  await app.dropFile('huge.json', file);
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await app.goTo('Insights');
  await page.getByRole('radio', { name: 'Service' }).check();
  await expect(page.getByRole('article', { name: 'Customer satisfaction (CSAT)' }).locator('.rc-chart__svg')).toBeVisible();
});

test('a due date before 1970 is refused with a message, not moved on reload', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Board');
  await page.getByRole('button', { name: 'Add task' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill('Archive old tickets');
  await dialog.getByLabel('Due date').fill('1969-12-31');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose a date between the years 1970 and 9999.');
  await dialog.getByLabel('Due date').fill('1970-01-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await app.saved();
  expect((await app.storedWorkspace()).board.tasks.find((t) => t.title === 'Archive old tickets').due).toBe('1970-01-01');
});

test('two meetings cannot share a name, so a reload renames nothing', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Operations');
  await page.getByRole('button', { name: 'Add meeting' }).click();
  await page.getByLabel('Meeting name').fill('weekly quality and project review');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('already called');
});
