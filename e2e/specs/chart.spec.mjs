import { test, expect } from '../fixtures.mjs';

const ANSWER = 'Answer customer inquiries by phone, e-mail and chat';
const cell = (page, duty, column) => page.getByRole('gridcell', { name: new RegExp(`^${duty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — ${column}: `) });

test.beforeEach(async ({ app }) => {
  await app.startFromTemplate();
  await app.goTo('Responsibilities');
});

test('the template opens with a chart that has no problems', async ({ page }) => {
  await expect(page.getByTestId('chart-summary')).toHaveText('No problems found');
  await expect(page.getByRole('grid', { name: 'Responsibility chart' })).toBeVisible();
  await expect(page.getByRole('rowheader').filter({ hasText: ANSWER })).toHaveCount(1);
  await expect(cell(page, ANSWER, 'Team Lead')).toHaveText('A');
  await expect(page.getByRole('columnheader', { name: 'Quality Assurance Specialist' })).toBeVisible();
});

test('set letters by mouse and by keyboard, and the problems panel follows', async ({ page }) => {
  const lead = cell(page, ANSWER, 'Team Lead');
  await lead.click();
  await expect(lead).toHaveAccessibleName(`${ANSWER} — Team Lead: A/R (Accountable and Responsible)`);
  await lead.click();
  await expect(lead).toHaveText('C');
  const summary = page.getByTestId('chart-summary');
  await expect(summary).toHaveText('1 errors · 0 warnings');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText(`“${ANSWER}” has no Accountable`);
  await expect(page.locator('.rc-raci__row--error')).toHaveCount(1);

  // Fix the missing A from the keyboard.
  await expect(lead).toBeFocused();
  await page.keyboard.press('a');
  await expect(lead).toHaveText('A');
  await expect(summary).toHaveText('No problems found');

  // Arrow keys move; letters type; Delete clears.
  await page.keyboard.press('ArrowRight');
  const csr = cell(page, ANSWER, 'Customer Service Representative');
  await expect(csr).toBeFocused();
  await page.keyboard.press('c');
  await expect(csr).toHaveText('C');
  await expect(problems).toContainText(`“${ANSWER}” has no Responsible`);
  await page.keyboard.press('r');
  await expect(csr).toHaveText('R');
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'Log every contact in the CRM', 'Customer Service Representative')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(cell(page, 'Log every contact in the CRM', 'Customer Service Representative')).toHaveText('');
  await expect(summary).toHaveText('2 errors · 0 warnings');
  // Only one cell is in the tab order.
  await expect(page.locator('.rc-raci__cell[tabindex="0"]')).toHaveCount(1);
});

test('a problem jumps to its cell', async ({ page }) => {
  await cell(page, 'Plan staffing and capacity against forecast demand', 'Team Lead').click(); // A/R → C
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByRole('listitem').filter({ hasText: 'Plan staffing' }).first().getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('.rc-raci__cell:focus')).toHaveAttribute('aria-label', /^Plan staffing and capacity against forecast demand — /);
});

test('the member view shows each person, and a person can be given their own letter', async ({ page }) => {
  await page.getByRole('radio', { name: 'Members' }).check();
  await expect(page.getByRole('columnheader', { name: 'Aisha Khan' })).toBeVisible();
  const aisha = cell(page, ANSWER, 'Aisha Khan');
  await expect(aisha).toHaveText('R');
  await aisha.click();
  await expect(aisha).toHaveText('A');
  await expect(aisha).toHaveAccessibleName(`${ANSWER} — Aisha Khan: A (Accountable) (set for this person)`);
  await page.keyboard.press('Delete');
  await expect(aisha).toHaveAccessibleName(`${ANSWER} — Aisha Khan: R (Responsible)`);
});

test('filters by area, by role and to rows with problems', async ({ page }) => {
  await page.getByLabel('Area').selectOption('Escalations');
  // Duty rows are the rows with cells; the area heading row has none.
  await expect(page.getByRole('row').filter({ has: page.getByRole('gridcell') })).toHaveCount(2);
  await page.getByLabel('Area').selectOption('');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Project Manager' });
  await expect(page.getByRole('rowheader').filter({ hasText: 'Track project progress' })).toHaveCount(1);
  await expect(page.getByRole('rowheader').filter({ hasText: ANSWER })).toHaveCount(0);
  await page.getByLabel('Role', { exact: true }).selectOption('');
  await page.getByLabel('Only rows with problems').check();
  await expect(page.getByText('No duties match the filters.')).toBeVisible();
  await page.getByLabel('Only rows with problems').uncheck();
  await expect(page.getByRole('rowheader').filter({ hasText: ANSWER })).toHaveCount(1);
});

test('a new duty shows its missing letters until they are set', async ({ page }) => {
  await page.getByRole('button', { name: 'Add duty' }).click();
  const editor = page.getByRole('region', { name: 'New duty' });
  await editor.getByLabel('Duty', { exact: true }).fill('Answer social media messages');
  await editor.getByLabel('Area').fill('Customer inquiries');
  await editor.getByLabel('How often').selectOption({ label: 'Daily' });
  await editor.getByRole('button', { name: 'Save' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('“Answer social media messages” has no Accountable');
  await expect(problems).toContainText('“Answer social media messages” has no Responsible');
  const c = cell(page, 'Answer social media messages', 'Customer Service Representative');
  await c.click();           // R
  await expect(c).toBeFocused();
  await page.keyboard.press('a'); // A/R
  await page.keyboard.press('ArrowLeft');
  await expect(cell(page, 'Answer social media messages', 'Team Lead')).toBeFocused();
  await page.keyboard.press('i');
  await expect(c).toHaveText('A/R');
  await expect(page.getByTestId('chart-summary')).toHaveText('No problems found');
});

test('thresholds change what is flagged', async ({ page }) => {
  await page.getByText('Warning thresholds').click();
  await page.getByLabel('Most duties one role is Accountable for').fill('3');
  await page.getByLabel('Most duties one role is Accountable for').press('Tab');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(/Team Lead is Accountable for \d+ duties \(limit 3\): a bottleneck/);
  await expect(page.locator('.rc-raci__col--warning')).not.toHaveCount(0);
});

test('the print view shows the chart without the controls', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add duty' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Problems' })).toBeHidden();
  await expect(page.getByRole('grid')).toBeVisible();
  await page.pdf({ path: test.info().outputPath('chart.pdf') });
});

test('the CSV download holds what the chart shows', async ({ app, page }) => {
  await cell(page, ANSWER, 'Project Manager').click(); // empty → R
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download chart (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rolecall-customer-service-team-chart-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await (await import('node:fs/promises')).readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Area,Duty,Team Lead,Customer Service Representative,Technical Support Specialist,Project Manager,Quality Assurance Specialist');
  expect(lines[1]).toBe(`Customer inquiries,"${ANSWER}",A,R,C,R,I`);
  await app.saved();
});

test('letters survive a reload and an export and import', async ({ app, page }) => {
  const c = cell(page, 'Log every contact in the CRM', 'Project Manager');
  await c.click();
  await page.keyboard.press('i');
  await expect(c).toHaveText('I');
  await app.saved();
  await page.reload();
  await expect(c).toHaveText('I');
  await app.goTo('Workspace');
  const file = await app.exportFile();
  await page.getByRole('button', { name: 'Reset workspace' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await app.importFile(file.path, file.name);
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await app.goTo('Responsibilities');
  await expect(c).toHaveText('I');
});

test('the handbook shows each role and person, prints one per page, and downloads as Markdown', async ({ app, page }) => {
  await app.goTo('Handbook');
  const lead = page.getByRole('article', { name: 'Team Lead' });
  await expect(lead).toContainText('Accountable for');
  await expect(lead).toContainText('Handle escalated complaints and service recovery');
  await expect(page.getByRole('article')).toHaveCount(5);
  await page.getByLabel('Show').selectOption({ label: 'Aisha Khan' });
  const aisha = page.getByRole('article', { name: 'Aisha Khan' });
  await expect(aisha).toContainText('Product knowledge: level 2 of 3');
  await expect(aisha).toContainText('(below the required level)');
  await expect(aisha).toContainText('Chen Wei');

  await page.getByLabel('Show').selectOption('roles');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download handbook (Markdown)' }).click(),
  ]);
  const md = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(md).toContain('# Handbook — Customer Service Team');
  expect(md).toContain('### Quality Assurance Specialist');
  expect(md).toContain('- Review a sample of customer interactions');
  expect(md).toContain('- Product knowledge: level 2 of 3 (below the required level)');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const breaks = await page.locator('.rc-handbook').first().evaluate((el) => getComputedStyle(el).breakAfter);
  expect(breaks).toBe('page');
});
