import { test, expect } from '../fixtures.mjs';

test('add a member with two skills and a role, reload, and see it all', async ({ app, page }) => {
  await app.startFromTemplate();
  await page.getByRole('button', { name: 'Add member' }).click();
  const editor = page.getByRole('region', { name: 'New member' });
  await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
  await editor.getByLabel('Name', { exact: true }).fill('Dana Scully');
  await editor.getByLabel('Title').fill('Support agent');
  await editor.getByLabel('Department').selectOption({ label: 'Technical Support' });
  await editor.getByLabel('Weekly capacity (hours)').fill('30');
  await editor.getByRole('checkbox', { name: 'Technical Support Specialist' }).check();
  await editor.getByLabel('Add a skill').selectOption({ label: 'Troubleshooting' });
  await editor.getByLabel('Level in Troubleshooting').selectOption('3');
  await editor.getByLabel('Add a skill').selectOption({ label: 'Empathy' });
  await editor.getByLabel('Level in Empathy').selectOption('4');
  await editor.getByRole('checkbox', { name: 'Wants to grow in Empathy' }).check();
  await editor.getByRole('button', { name: 'Save' }).click();

  await expect(editor).toBeHidden();
  const row = app.memberRow('Dana Scully');
  await expect(row).toContainText('Technical Support Specialist');
  await expect(row).toContainText('Troubleshooting 3');
  await expect(row).toContainText('Empathy 4');
  await expect(row).toContainText('30 h/week');
  await app.saved();

  await page.reload();
  await expect(row).toContainText('Troubleshooting 3 · Empathy 4');
  await row.getByRole('button', { name: 'Edit Dana Scully' }).click();
  const again = page.getByRole('region', { name: 'Edit member' });
  await expect(again.getByLabel('Level in Empathy')).toHaveValue('4');
  await expect(again.getByRole('checkbox', { name: 'Wants to grow in Empathy' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'Technical Support Specialist' })).toBeChecked();
  await expect(again.getByLabel('Department')).toHaveValue(/^dep_/);
  const stored = (await app.storedWorkspace()).members.find((m) => m.name === 'Dana Scully');
  expect(stored.capacity_hours).toBe(30);
  expect(stored.skills.map((s) => s.level)).toEqual([3, 4]);
});

test('a member named like another is refused with a message, and nothing changes', async ({ app, page }) => {
  await app.startFromTemplate();
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByLabel('Name', { exact: true }).fill('  maria LOPEZ ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('Another member is already called “maria LOPEZ”.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('6 members')).toBeVisible();
});

test('capacity outside a week is refused', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.memberRow('Li Na').getByRole('button', { name: 'Edit Li Na' }).click();
  await page.getByLabel('Weekly capacity (hours)').fill('200');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('Weekly capacity must be between 0 and 168 hours.');
  await page.getByLabel('Weekly capacity (hours)').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('“” is not a whole number.');
  await expect(app.memberRow('Li Na')).toContainText('40 h/week');
});

test('removing a member asks first', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.memberRow('Sam Okafor').getByRole('button', { name: 'Edit Sam Okafor' }).click();
  await page.getByRole('button', { name: 'Remove member' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove Sam Okafor from the team?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(app.memberRow('Sam Okafor')).toHaveCount(0);
  await expect(page.getByText('5 members')).toBeVisible();
});
