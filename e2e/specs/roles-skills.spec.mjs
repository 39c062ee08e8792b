import { test, expect } from '../fixtures.mjs';

test('add a skill, then a role that requires it', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Skills');
  await page.getByRole('button', { name: 'Add skill' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Escalation handling');
  await page.getByLabel('Category').selectOption({ label: 'Process' });
  await page.getByLabel('Description').fill('Takes over when a case needs a senior decision.');
  await page.getByRole('button', { name: 'Save' }).click();
  const skillRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Escalation handling' }) });
  await expect(skillRow).toContainText('Process');
  await expect(skillRow).toContainText('0 members · 0 roles');

  await app.goTo('Roles');
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Escalation Manager');
  await page.getByLabel('Purpose').fill('Owns every escalated case until it is closed.');
  await page.getByLabel('People needed').fill('2');
  await page.getByLabel('Add a required skill').selectOption({ label: 'Escalation handling' });
  await page.getByLabel('Minimum level in Escalation handling').selectOption('3');
  await page.getByRole('button', { name: 'Save' }).click();

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Escalation Manager' }) });
  await expect(card).toContainText('Escalation handling ≥ 3');
  await expect(card).toContainText('0 of 2 people');
  await app.saved();
  const role = (await app.storedWorkspace()).roles.find((r) => r.name === 'Escalation Manager');
  expect(role.headcount).toBe(2);
  expect(role.purpose).toBe('Owns every escalated case until it is closed.');
});

test('removing a skill in use says what uses it and cleans every reference', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Skills');
  await page.getByRole('button', { name: 'Remove Communication' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('6 member(s) list it and 5 role(s) require it');
  await confirm.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('rowheader', { name: 'Communication', exact: true })).toHaveCount(0);
  await app.goTo('Team');
  await expect(app.memberRow('Maria Lopez')).not.toContainText('Communication');
  await app.saved();
  const text = await app.stored();
  const ws = JSON.parse(text).workspace;
  const ids = new Set(ws.skills.map((s) => s.id));
  for (const m of ws.members) for (const s of m.skills) expect(ids.has(s.skill)).toBe(true);
  for (const r of ws.roles) for (const s of r.required_skills) expect(ids.has(s.skill)).toBe(true);
});

test('removing a role in use asks first and takes it from its holders', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Roles');
  await page.getByRole('button', { name: 'Edit Customer Service Representative' }).click();
  await page.getByRole('button', { name: 'Remove role' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('2 member(s) hold it');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Remove role' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('heading', { name: 'Customer Service Representative' })).toHaveCount(0);
  await app.goTo('Team');
  // Roles are the third cell after the name.
  await expect(app.memberRow('Chen Wei').getByRole('cell').nth(2)).toHaveText('');
});

test('a department can be added, renamed and removed', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  await page.getByLabel('New department').fill('Back office');
  await page.getByRole('button', { name: 'Add department' }).click();
  await expect(page.getByLabel('Name of Back office')).toHaveValue('Back office');
  await page.getByLabel('New department').fill('back OFFICE');
  await page.getByRole('button', { name: 'Add department' }).click();
  await expect(page.getByRole('alert')).toHaveText('Another department is already called “back OFFICE”.');
  await page.getByRole('button', { name: 'Remove Customer Service' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('2 member(s) will have no department');
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await app.goTo('Team');
  // Department is the second cell after the name.
  await expect(app.memberRow('Chen Wei').getByRole('cell').nth(1)).toHaveText('');
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.departments.map((d) => d.name)).toEqual(['Technical Support', 'Service Operations', 'Back office']);
  expect(ws.members.find((m) => m.name === 'Chen Wei').department).toBeNull();
});
