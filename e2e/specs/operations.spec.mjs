// Running the service (issue 14): the weekly review built from live data, the improvement log,
// routines that make their task exactly once, and private check-ins with recognition.
import { test, expect } from '../fixtures.mjs';

const DAY = 24 * 60 * 60 * 1000;

async function openOperations(app, page, tab) {
  await app.goTo('Operations');
  if (tab) await page.getByRole('radio', { name: tab }).check();
}

test('the weekly review lists what needs attention, keeps its minutes, and prints on one page', async ({ app, page }) => {
  await app.startFromTemplate();
  await openOperations(app, page);
  await expect(page.getByTestId('meeting')).toHaveCount(3);
  await page.getByRole('button', { name: 'Open Weekly quality and project review' }).click();
  const agenda = page.getByTestId('agenda');
  await expect(agenda.getByRole('heading', { level: 2 })).toContainText('Weekly quality and project review: agenda for');
  await expect(agenda).toContainText('Quality sampling results');
  // The template's single point of failure comes from the skills, live.
  const risks = agenda.locator('.rc-agenda__section').filter({ has: page.getByRole('heading', { name: /Single points of failure/ }) });
  await expect(risks).toContainText('Troubleshooting for Technical Support Specialist: only Tom Becker');
  await agenda.getByLabel('Decisions').fill('Sample five calls a day per person');
  await agenda.getByLabel('Decisions').blur();
  await app.saved();
  await page.reload();
  await page.getByRole('button', { name: 'Open Weekly quality and project review' }).click();
  await expect(page.getByTestId('agenda').getByLabel('Decisions')).toHaveValue('Sample five calls a day per person');
  const ws = await app.storedWorkspace();
  expect(ws.minutes).toHaveLength(1);
  expect(ws.minutes[0].decisions).toBe('Sample five calls a day per person');
  // Print: the button prints, and the printed agenda is one page without the app's chrome.
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.getByRole('button', { name: 'Print agenda' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});

test('a complaint becomes an improvement action with one task, and closing it shows the KPI moved', async ({ app, page }) => {
  await app.startFromTemplate();
  await openOperations(app, page, 'Improvements');
  await expect(page.getByText('No improvement actions yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Log an improvement' }).click();
  const form = page.getByRole('form', { name: 'Log an improvement' });
  await form.getByLabel('Source').selectOption({ label: 'Complaint' });
  await form.getByLabel('Problem').fill('Callers repeat their case after a transfer');
  await form.getByLabel('Cause').fill('Notes are not passed on with the call');
  await form.getByLabel('Action', { exact: true }).fill('Warm transfer with a short summary');
  await form.getByLabel('Owner').selectOption({ label: 'Aisha Khan' });
  await form.getByLabel('Due date').fill('2026-12-15');
  await form.getByLabel('KPI to move').selectOption({ label: 'First contact resolution' });
  await form.getByRole('button', { name: 'Save' }).click();
  const entry = page.getByTestId('improvement').filter({ hasText: 'Callers repeat their case' });
  await expect(entry).toContainText('Complaint');
  await expect(entry).toContainText('Owner: Aisha Khan');
  await entry.getByRole('button', { name: /^Make a task/ }).click();
  await expect(entry).toContainText('Task: Warm transfer with a short summary');
  await expect(entry.getByRole('button', { name: /^Make a task/ })).toHaveCount(0);
  // The weekly review lists the open action.
  await page.getByRole('radio', { name: 'Meetings' }).check();
  await page.getByRole('button', { name: 'Open Weekly quality and project review' }).click();
  await expect(page.getByTestId('agenda')).toContainText('Callers repeat their case after a transfer · Aisha Khan');
  // On the board, once, assigned to the owner.
  await app.goTo('Board');
  const card = page.locator('.rc-task').filter({ hasText: 'Warm transfer with a short summary' });
  await expect(card).toHaveCount(1);
  await expect(card.locator('.rc-avatar')).toHaveText('AK');
  // Closed with the KPI's value after: the entry says whether it moved.
  await openOperations(app, page, 'Improvements');
  await entry.getByRole('button', { name: /^Edit/ }).click();
  const before = await form.getByLabel('KPI value before').inputValue();
  expect(Number(before)).toBeGreaterThan(0);
  await form.getByLabel('Status').selectOption({ label: 'Done' });
  await form.getByLabel('KPI value after').fill(String(Number(before) + 4));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(entry.getByTestId('effect')).toContainText('First contact resolution: KPI improved');
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.improvements[0]).toMatchObject({ source: 'complaint', status: 'done' });
  expect(ws.improvements[0].tasks).toHaveLength(1);
  // Undo takes the close back.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(entry.getByTestId('effect')).not.toContainText('KPI improved');
});

test('a weekly QA routine makes its task once, in two tabs too, and a month away catches up with one', async ({ app, page, context }) => {
  const start = Date.now();
  await context.clock.install({ time: start });
  await app.startFromTemplate();
  await openOperations(app, page, 'Routines');
  await page.getByRole('button', { name: 'Add routine' }).click();
  const form = page.getByRole('form', { name: 'Add routine' });
  await form.getByLabel('Title').fill('Weekly QA calibration');
  await form.getByLabel('Repeats').selectOption({ label: 'Weekly' });
  // Today's weekday is ticked already: the first task is due today.
  await form.getByLabel('Duty').selectOption({ index: 1 });
  await form.getByRole('checkbox', { name: 'Sam Okafor' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('routine-runs')).toContainText('Routine “Weekly QA calibration” created its task.');
  await expect(page.getByTestId('routine')).toContainText('Next task:');
  await app.saved();
  const count = async () => (await app.storedWorkspace()).board.tasks.filter((t) => t.title === 'Weekly QA calibration').length;
  expect(await count()).toBe(1);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
  await app.saved();
  expect(await count()).toBe(1);

  // A month later, two tabs open at once. The clock is held, so that neither saves before the
  // other has made the task: both make it, and one task is stored, for the latest week.
  const url = page.url();
  await page.goto('about:blank');
  await context.clock.pauseAt(start + 29 * DAY);
  const other = await context.newPage();
  await Promise.all([page.goto(url), other.goto(url)]);
  const missed = '3 earlier occurrence(s) were missed while Rolecall was closed.';
  await expect(page.getByTestId('routine-runs')).toContainText(missed);
  await expect(other.getByTestId('routine-runs')).toContainText(missed);
  await context.clock.resume();
  await expect(other.getByTestId('save-status')).toHaveText('All changes saved');
  await app.saved();
  await page.reload();
  await app.saved();
  expect(await count()).toBe(2);
  const ws = await app.storedWorkspace();
  expect(ws.routines[0].missed).toBe(3);
  const task = ws.board.tasks.filter((t) => t.title === 'Weekly QA calibration').at(-1);
  expect(task.description).toContain('3 earlier occurrence(s) were missed');
  expect(task.duty).toBe(ws.routines[0].duty);
});

test('check-ins stay private unless asked, and thanks show in the weekly review', async ({ app, page }) => {
  await app.startFromTemplate();
  await openOperations(app, page, 'Check-ins');
  await page.getByLabel('Member').selectOption({ label: 'Chen Wei' });
  await page.getByRole('button', { name: 'Add check-in' }).click();
  const form = page.getByRole('form', { name: 'Add check-in' });
  await form.getByLabel('Personal goals').fill('Lead the billing training');
  await form.getByLabel('Feedback').fill('Clear, calm escalation notes');
  await form.getByLabel('Agreed actions').fill('Shadow QA for a week');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('checkin')).toContainText('Shadow QA for a week');
  await page.getByLabel('Thanks for …').fill('Thanks for staying late during the outage');
  await page.getByLabel('From').selectOption({ label: 'Maria Lopez' });
  await page.getByRole('button', { name: 'Say thanks' }).click();
  await expect(page.getByTestId('recognition')).toContainText('from Maria Lopez');
  // The weekly review shows the thanks.
  await page.getByRole('radio', { name: 'Meetings' }).check();
  await page.getByRole('button', { name: 'Open Weekly quality and project review' }).click();
  await expect(page.getByTestId('agenda')).toContainText('Chen Wei: Thanks for staying late during the outage');

  // Exports leave check-ins out by default, and say so.
  await app.goTo('Workspace');
  await expect(page.getByTestId('private-status')).toHaveText('Private check-ins are left out of exports and share links.');
  let file = await app.exportFile();
  expect(JSON.parse(file.text).workspace.checkins).toEqual([]);
  expect(JSON.parse(file.text).workspace.recognitions).toHaveLength(1);
  await page.getByRole('checkbox', { name: 'Include private notes (1 check-ins)' }).check();
  await expect(page.getByTestId('private-status')).toHaveText('Exports and share links will include 1 private check-in(s).');
  file = await app.exportFile();
  expect(JSON.parse(file.text).workspace.checkins).toHaveLength(1);
  // The preview of that file says it holds private notes.
  await app.importFile(file.path, 'with-notes.json');
  await expect(page.getByTestId('preview-private')).toHaveText('This file includes 1 private check-in note(s).');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the weekly review, an improvement and a routine in Chinese', async ({ app, page }) => {
    await app.open();
    await page.getByRole('button', { name: /从服务团队模板开始/ }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '运营' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '运营管理' })).toBeVisible();
    await page.getByRole('button', { name: '召开 每周质量与项目例会' }).click();
    await expect(page.getByTestId('agenda').getByRole('heading', { level: 2 })).toContainText('每周质量与项目例会：');
    await expect(page.getByTestId('agenda')).toContainText('单点风险');
    await page.getByRole('radio', { name: '持续改进' }).check();
    await page.getByRole('button', { name: '新增改进' }).click();
    const form = page.getByRole('form', { name: '新增改进' });
    await form.getByLabel('来源').selectOption({ label: '投诉' });
    await form.getByLabel('问题').fill('转接后客户需要重复描述问题');
    await form.getByRole('button', { name: '保存' }).click();
    const entry = page.getByTestId('improvement');
    await entry.getByRole('button', { name: /^生成任务/ }).click();
    await expect(entry).toContainText('任务：转接后客户需要重复描述问题');
    await page.getByRole('radio', { name: '例行任务' }).check();
    await page.getByRole('button', { name: '添加例行任务' }).click();
    const routine = page.getByRole('form', { name: '添加例行任务' });
    await routine.getByLabel('标题').fill('每周质检校准');
    await routine.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('routine-runs')).toContainText('例行任务“每周质检校准”已生成任务。');
    await expect(page.getByTestId('routine')).toContainText('每周（');
  });
});
