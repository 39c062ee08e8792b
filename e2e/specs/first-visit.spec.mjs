import { test, expect } from '../fixtures.mjs';

test('a first visit offers the template or an empty workspace, and stores nothing until one is chosen', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Rolecall' })).toBeVisible();
  expect(await app.stored()).toBeNull();
  await page.getByRole('button', { name: /Start from the service team template/ }).click();
  await expect(app.memberRow('Maria Lopez')).toBeVisible();
  await expect(page.getByText('6 members')).toBeVisible();
  await app.saved();
  const ws = await app.storedWorkspace();
  expect(ws.roles.map((r) => r.name)).toEqual([
    'Team Lead', 'Customer Service Representative', 'Technical Support Specialist', 'Project Manager',
    'Quality Assurance Specialist',
  ]);
});

test('the app is served from a sub-path and survives a reload there', async ({ app, page }) => {
  await app.startFromTemplate();
  expect(new URL(page.url()).pathname).toBe('/rolecall/');
  await app.goTo('Roles');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Technical Support Specialist' })).toBeVisible();
});

test('an empty workspace shows empty states and can still load the template', async ({ app, page }) => {
  await app.startEmpty();
  await expect(page.getByText('No members yet')).toBeVisible();
  await app.goTo('Roles');
  await expect(page.getByText('No roles yet')).toBeVisible();
  await app.goTo('Team');
  await page.getByRole('button', { name: 'Load the service team template' }).click();
  await expect(app.memberRow('Tom Becker')).toBeVisible();
});
