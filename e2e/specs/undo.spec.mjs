import { test, expect } from '../fixtures.mjs';

test('every change can be undone and redone, by button and by keyboard, and says what it undoes', async ({ app, page }) => {
  await app.startFromTemplate();
  const undo = page.getByRole('button', { name: /^(Undo|Nothing to undo)/ });
  const redo = page.getByRole('button', { name: /^(Redo|Nothing to redo)/ });
  await expect(undo).toBeDisabled();
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kim Park');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(undo).toHaveAccessibleName('Undo: addition to the team');
  await undo.click();
  await expect(app.memberRow('Kim Park')).toHaveCount(0);
  await expect(redo).toHaveAccessibleName('Redo: addition to the team');
  await page.locator('body').click();
  await page.keyboard.press('Control+Shift+Z');
  await expect(app.memberRow('Kim Park')).toBeVisible();

  // A board move, undone from the keyboard while the card has focus.
  await app.goTo('Board');
  const card = page.getByRole('button', { name: /^Refund request for order 4821\./ });
  await card.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.rc-board__cell[data-column="col_doing"]')).toContainText('Refund request');
  await expect(undo).toHaveAccessibleName('Undo: change to the board');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.rc-board__cell[data-column="col_todo"]')).toContainText('Refund request');
  // The card is built anew in its old column, and keeps the keyboard focus.
  await expect(card).toBeFocused();
  await app.saved();
  const t = (await app.storedWorkspace()).board.tasks.find((x) => x.title === 'Refund request for order 4821');
  expect(t.column).toBe('col_todo');
});

test('Ctrl+Z in a text field undoes the typing, not the workspace', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  const name = page.getByLabel('Team name');
  await name.fill('Night shift');
  await name.press('Control+z');
  await expect(page.getByRole('button', { name: 'Undo: change to the workspace settings' })).toBeVisible();
});

test('typing a name key by key is one undo step, and a pause starts the next', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  const name = page.getByLabel('Team name');
  await name.fill('');
  await name.pressSequentially('Night shift', { delay: 30 });
  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  // One step took back the whole word (and the clearing before it, typed in the same field).
  await expect(name).toHaveValue('Customer Service Team');
  await page.keyboard.press('Control+Shift+z');
  await expect(name).toHaveValue('Night shift');
});
