import { test, expect } from '../fixtures.mjs';

for (const name of ['Team', 'Roles', 'Skills', 'Workspace']) {
  test(`the ${name} page renders, and every control on it has a label`, async ({ app, page }) => {
    await app.startFromTemplate();
    await app.goTo(name);
    await expect(app.nav(name)).toHaveAttribute('aria-current', 'page');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => !el.hidden && el.type !== 'hidden')
        .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);
  });
}

test('the editor is usable by keyboard alone', async ({ app, page }) => {
  await app.startFromTemplate();
  await page.getByRole('button', { name: 'Add member' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Kim Park');
  await page.keyboard.press('Enter'); // submits the form
  await expect(app.memberRow('Kim Park')).toBeVisible();
});
