import { test, expect } from '../fixtures.mjs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const fixture = (name) => fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url));

test('export, reset, import the file, and see the same team', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Helpdesk Alpha');
  await app.saved();
  const before = await app.storedWorkspace();

  const file = await app.exportFile();
  expect(file.name).toMatch(/^rolecall-helpdesk-alpha-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.text).toContain('\n  "format": "rolecall",\n  "version": 7,');
  expect(JSON.parse(file.text).workspace).toEqual(before);

  await page.getByRole('button', { name: 'Reset workspace' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByText('The workspace was reset.')).toBeVisible();
  await app.goTo('Team');
  await expect(page.getByText('No members yet')).toBeVisible();

  await app.goTo('Workspace');
  await app.importFile(file.path, file.name);
  const dialog = page.getByRole('dialog', { name: /Import “rolecall-helpdesk-alpha/ });
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    'It holds the workspace “Helpdesk Alpha”: 6 members, 5 roles, 13 skills and 3 departments.');
  await expect(dialog).toContainText('The file needed no repairs.');
  await dialog.getByRole('button', { name: 'Replace workspace' }).click();
  await app.goTo('Team');
  await expect(app.memberRow('Maria Lopez')).toBeVisible();
  await expect(page.locator('.rc-header__team')).toHaveText('Helpdesk Alpha');
  await app.saved();
  expect(await app.storedWorkspace()).toEqual(before);
});

test('an import can be undone with one click, and the undo survives a reload', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  await app.importFile(fixture('v1.json'));
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await app.goTo('Team');
  await expect(app.memberRow('Ana Silva')).toBeVisible();
  await expect(app.memberRow('Maria Lopez')).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect(app.memberRow('Maria Lopez')).toBeVisible();
  await expect(app.memberRow('Ana Silva')).toHaveCount(0);
  await page.reload();
  await expect(app.memberRow('Maria Lopez')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo import' })).toHaveCount(0);
});

test('a file dropped on the page is previewed, and cancel changes nothing', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const stored = await app.stored();
  const text = await readFile(fixture('v1.json'), 'utf8');
  await app.dropFile('helpdesk.json', text);
  const dialog = page.getByRole('dialog', { name: 'Import “helpdesk.json”?' });
  await expect(dialog).toContainText('“Helpdesk North”: 3 members, 2 roles, 3 skills and 2 departments');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.stored()).toBe(stored);
  await app.dropFile('helpdesk.json', text);
  await dialog.getByRole('button', { name: 'Replace workspace' }).click();
  await expect(app.memberRow('Bo Zhang')).toBeVisible();
});

test('a file that needed repairs says what was repaired, and markup in it stays text', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  await app.importFile(fixture('needs-repair.json'));
  const repairs = page.getByTestId('import-repairs');
  await expect(repairs).toContainText('Member number 5 was not readable and was left out');
  await expect(repairs).toContainText('its id “mem_1” was missing or used twice and was replaced');
  await expect(repairs).toContainText('Member “dana” shared its name with another and is now “dana (2)”');
  await expect(repairs).toContainText('capacity_hours 400 was out of range and is now 168');
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await expect(page.locator('.rc-header__team')).toHaveText('<b>Repair</b> shop');
  await expect(page.locator('.rc-header__team b')).toHaveCount(0);
});

test('a colleague\'s file merges into this workspace: new items added, each differing field chosen', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const mine = await app.storedWorkspace();
  // The colleague's copy: the team renamed, one member's capacity changed, one member added.
  const theirs = structuredClone(mine);
  theirs.name = 'Their name for the team';
  theirs.members[0].capacity_hours = 12;
  theirs.members.push({ ...structuredClone(mine.members[1]), id: 'mem_colleague', name: 'Colleague Added' });
  const file = JSON.stringify({ format: 'rolecall', version: 4, workspace: theirs });
  await app.dropFile('colleague.json', file);
  await page.getByRole('button', { name: 'Merge into this workspace' }).click();
  const merge = page.getByTestId('merge');
  await expect(merge).toContainText('1 items that only the file has will be added.');
  await expect(merge).toContainText('2 fields differ between the two.');
  // Keep our team name, take their capacity.
  await merge.getByRole('group', { name: `${mine.members[0].name}: capacity_hours` })
    .getByRole('radio', { name: 'Take the file\'s: 12' }).check();
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge).toBeHidden();
  await expect(app.memberRow('Colleague Added')).toBeVisible();
  await app.saved();
  const after = await app.storedWorkspace();
  expect(after.name).toBe(mine.name);
  expect(after.members[0].capacity_hours).toBe(12);
  expect(after.members).toHaveLength(mine.members.length + 1);
  // One step of undo takes the whole merge back.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(app.memberRow('Colleague Added')).toBeHidden();
});
