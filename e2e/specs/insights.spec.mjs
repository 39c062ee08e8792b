import { test, expect } from '../fixtures.mjs';

test.beforeEach(async ({ app }) => {
  await app.startFromTemplate();
  await app.goTo('Insights');
});

test('the template shows a skills matrix with flagged single points of failure and gaps', async ({ page }) => {
  const matrix = page.getByRole('grid', { name: 'Skills matrix' });
  await expect(matrix.getByRole('gridcell', { name: 'Tom Becker — Troubleshooting: level 4' })).toHaveText('4');
  await expect(page.getByRole('region', { name: 'Single points of failure' }))
    .toContainText('Troubleshooting (level 3) for Technical Support Specialist: only Tom Becker has it.');
  await expect(page.getByRole('region', { name: 'Gaps' })).toContainText('Aisha Khan: Product knowledge 2 of 3');
  await expect(page.getByRole('region', { name: 'Role staffing' })).toContainText('Short by 2');
});

test('the matrix sorts, filters and is edited from the keyboard, and the level change is recorded', async ({ app, page }) => {
  const matrix = page.getByRole('grid', { name: 'Skills matrix' });
  await page.getByRole('button', { name: 'Sort by Troubleshooting' }).click();
  await expect(matrix.getByRole('rowheader').first()).toHaveText('Tom Becker');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Customer Service Representative' });
  await expect(matrix.getByRole('rowheader')).toHaveText(['Chen Wei', 'Aisha Khan']);
  const cell = matrix.getByRole('gridcell', { name: /^Aisha Khan — Product knowledge: level 2/ });
  await cell.focus();
  await page.keyboard.press('3');
  await expect(matrix.getByRole('gridcell', { name: /^Aisha Khan — Product knowledge: level 3/ })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Gaps' })).toContainText('Everyone reaches the levels their roles require.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('i');
  await expect(matrix.getByRole('gridcell', { name: 'Aisha Khan — Troubleshooting: level 0, wants to grow' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Growth' })).toContainText('Aisha Khan, Product knowledge 2 → 3');
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.skill_history.at(-1)).toMatchObject({ from: 2, to: 3 });
});

test('a gap becomes a training item and, in one click, a training task on the board', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Plan training: Product knowledge for Aisha Khan' }).click();
  const plan = page.getByRole('region', { name: 'Training plan' });
  await expect(plan.getByRole('row').filter({ hasText: 'Aisha Khan' })).toContainText('Product knowledge');
  await plan.getByLabel('Status of training for Aisha Khan').selectOption({ label: 'In progress' });
  await plan.getByRole('button', { name: 'Create board task' }).click();
  await expect(plan.getByRole('link', { name: 'On the board' })).toBeVisible();
  await app.goTo('Board');
  const card = page.locator('.rc-task').filter({ hasText: 'Training: Product knowledge for Aisha Khan' });
  await expect(card).toContainText('Training');
  await expect(card.locator('.rc-avatar')).toHaveText('AK');
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.training[0]).toMatchObject({ status: 'in-progress', target_level: 3 });
  expect(ws.training[0].task).toBe(ws.board.tasks.at(-1).id);
});

test('a KPI value is bounded by its unit, an empty one says so, and a mid-week day records for its week', async ({ app, page }) => {
  await page.getByRole('radio', { name: 'Service' }).check();
  const fcr = page.getByRole('article', { name: 'First contact resolution' });
  const before = (await app.storedWorkspace()).kpis[1].values.length;
  await fcr.getByRole('button', { name: 'Record' }).click();
  await expect(fcr.getByRole('alert')).toHaveText('Enter a value to record.');
  await fcr.getByLabel('Value').fill('250');
  await fcr.getByRole('button', { name: 'Record' }).click();
  await expect(fcr.getByRole('alert')).toHaveText('A percentage is between 0 and 100.');
  await expect(fcr.getByLabel('Value')).toHaveValue('250');
  const aht = page.getByRole('article', { name: 'Average handle time' });
  await aht.getByLabel('Value').fill('-5');
  await aht.getByRole('button', { name: 'Record' }).click();
  await expect(aht.getByRole('alert')).toHaveText("This KPI's value cannot be negative.");
  // A Thursday records for the week that starts on the Monday before it.
  await fcr.getByLabel('Week or month starting').fill('2026-11-19');
  await fcr.getByLabel('Value').fill('80');
  await fcr.getByRole('button', { name: 'Record' }).click();
  await expect(fcr.getByRole('alert')).toHaveCount(0);
  await app.saved();
  const values = (await app.storedWorkspace()).kpis[1].values;
  expect(values.length).toBeLessThanOrEqual(before + 1);
  expect(values.find((v) => v.period === '2026-11-16').value).toBe(80);
  expect(values.some((v) => v.period === '2026-11-19')).toBe(false);
});

test('a KPI value entered shows in its chart, and the table alternative has the same numbers', async ({ app, page }) => {
  await page.getByRole('radio', { name: 'Service' }).check();
  const fcr = page.getByRole('article', { name: 'First contact resolution' });
  await fcr.getByLabel('Value').fill('81.5');
  await fcr.getByRole('button', { name: 'Record' }).click();
  await expect(fcr.getByTestId('kpi-latest')).toHaveText('81.5%');
  await expect(fcr).toContainText('On target');
  const points = fcr.locator('.rc-chart__point');
  await expect(points).toHaveCount(9);
  const chartValues = await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  expect(chartValues.at(-1)).toBe('81.5');
  await fcr.getByRole('button', { name: 'Show as table' }).click();
  const tableValues = await fcr.locator('.rc-chart__table tbody td').allTextContents();
  expect(tableValues.filter((_, i) => i % 2 === 0)).toEqual(chartValues);
  await app.saved();
  expect((await app.storedWorkspace()).kpis[1].values).toHaveLength(9);
});

test('KPI values import from CSV, bad rows are reported by line, and export holds them', async ({ page }) => {
  await page.getByRole('radio', { name: 'Service' }).check();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import values (CSV)…' }).click(),
  ]);
  const csv = 'kpi,period,value\nFirst response time,2026-11-09,3.5\nNet promoter,2026-11-09,40\nFirst response time,yesterday,3\n';
  await chooser.setFiles({ name: 'kpis.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByTestId('kpi-import-report');
  await expect(report).toContainText('1 values recorded from “kpis.csv”.');
  await expect(report).toContainText('line 3: no KPI called “Net promoter”');
  await expect(report).toContainText('line 4: “yesterday” is not a date (YYYY-MM-DD)');
  await expect(page.getByRole('article', { name: 'First response time' }).getByTestId('kpi-latest')).toHaveText('3.5 h');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export values (CSV)' }).click()]);
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(text).toContain('First response time,2026-11-09,3.5');
});

test('board KPIs and the cumulative flow have table alternatives with the chart numbers', async ({ page }) => {
  await page.getByRole('radio', { name: 'Service' }).check();
  const board = page.getByRole('region', { name: 'From the board' });
  await expect(board.getByTestId('cycle-time')).toContainText('85th percentile');
  const throughput = board.locator('figure').filter({ hasText: 'Throughput' });
  const bars = await throughput.locator('.rc-chart__bar').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  await throughput.getByRole('button', { name: 'Show as table' }).click();
  const rows = (await throughput.locator('tbody td').allTextContents()).map(Number);
  expect(rows).toEqual(bars);
  expect(rows.reduce((a, b) => a + b, 0)).toBe(2);
  const flow = board.locator('figure').filter({ hasText: 'Cumulative flow' });
  await expect(flow.locator('.rc-chart__band')).toHaveCount(5);
});

test('the capacity tab says plainly when history is too short to forecast', async ({ page }) => {
  await page.getByRole('radio', { name: 'Capacity' }).check();
  await expect(page.getByTestId('forecast-short')).toContainText('a forecast needs at least 4');
  await expect(page.getByRole('region', { name: 'Staffing per role' })).toContainText('Customer Service Representative');
});

test('staffing: Erlang C gives the published worked example, refuses the impossible, and compares with the role', async ({ app, page }) => {
  await page.getByRole('radio', { name: 'Staffing' }).check();
  // Call Centre Helper's worked example: 100 calls per 30 minutes, 3 minutes each, 80 % in 20 s, 30 % shrinkage.
  await page.getByLabel('Contacts per hour').fill('200');
  await page.getByLabel('Average handle time (minutes)').fill('3');
  await page.getByLabel('Service level target (%)').fill('80');
  await page.getByLabel('Answered within (seconds)').fill('20');
  await page.getByLabel('Shrinkage (%)').fill('30');
  const result = page.getByTestId('staffing-result');
  await expect(result).toContainText('Agents needed on the queue: 14');
  await expect(result).toContainText('People to roster after 30 % shrinkage: 20');
  await expect(result).toContainText('service level 88.8 %, average speed of answer 7.8 s, occupancy 71.4 %');
  await expect(page.getByRole('row', { name: /^13 79\.6 %/ })).toBeVisible();
  // The role that answers the queue, against the roster's 20 people × 40 open hours.
  await page.getByLabel('Role that answers the queue').selectOption({ label: 'Customer Service Representative' });
  await expect(page.getByTestId('staffing-fit')).toContainText('Customer Service Representative: 2 people');
  await expect(page.getByTestId('staffing-fit')).toContainText('The roster needs 800 h a week');
  await expect(page.getByTestId('staffing-fit')).toContainText('Short by');
  // Impossible input is refused with a reason.
  await page.getByLabel('Service level target (%)').fill('100');
  await expect(page.getByRole('alert')).toHaveText('A service level target must be below 100 %: 100 % would need endless agents.');
  await page.getByLabel('Average handle time (minutes)').fill('0');
  await page.getByLabel('Service level target (%)').fill('80');
  await expect(page.getByRole('alert')).toHaveText('The average handle time must be more than zero.');
  // The fields are kept after a reload.
  await page.getByLabel('Average handle time (minutes)').fill('3');
  await page.reload();
  await page.getByRole('radio', { name: 'Staffing' }).check();
  await expect(page.getByLabel('Contacts per hour')).toHaveValue('200');
  await expect(page.getByTestId('staffing-result')).toContainText('Agents needed on the queue: 14');
  await expect(page.getByText('Erlang C assumes that nobody abandons')).toBeVisible();
});
