import { test, expect } from '../fixtures.mjs';

for (const name of ['Team', 'Roles', 'Skills', 'Operations', 'Workspace']) {
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

test('the theme follows the system, can be switched, and the choice is kept', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.startFromTemplate();
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await bg();
  await app.pref('Theme', 'light');
  await expect.poll(bg).not.toBe(dark);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.pref('Theme', 'system');
  await expect.poll(bg).toBe(dark);
  // The other way round: a light system with the dark theme chosen.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(bg).not.toBe(dark);
  await app.pref('Theme', 'dark');
  await expect.poll(bg).toBe(dark);
});

test('? shows the keyboard shortcuts, and Alt+digit goes to a page, also after a language switch', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.pref('Language', 'zh-CN');
  await app.pref('语言', 'en');
  await page.locator('body').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl/⌘+Z — undo');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Skills' })).toBeVisible();
});

test('on a 360 px phone no page scrolls sideways; wide tables scroll inside their panel', async ({ app, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await app.startFromTemplate();
  for (const hash of ['#/team', '#/roles', '#/skills', '#/responsibilities', '#/handbook', '#/board', '#/insights', '#/operations', '#/workspace']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await expect(page.locator('main h1')).toBeVisible();
    // Try to scroll the page sideways: it must not move.
    expect(await page.evaluate(() => { window.scrollTo(600, 0); return window.scrollX; }), hash).toBe(0);
  }
});
