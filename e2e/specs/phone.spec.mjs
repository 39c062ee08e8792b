// Phones (issue 15): the main flows at 360 × 740, by touch.
import { test, expect } from '../fixtures.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test('the header is a compact bar with ☰ over swipeable tabs, and each page title is in view', async ({ app, page }) => {
  await app.startFromTemplate();
  expect((await page.locator('.rc-header').boundingBox()).height).toBeLessThan(740 / 6);
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeInViewport();
  // Every tab is reached by a tap; the row scrolls sideways to the far ones.
  for (const name of ['Responsibilities', 'Board', 'Operations', 'Workspace', 'Team']) {
    await app.nav(name).tap();
    await expect(page.getByRole('heading', { level: 1, name })).toBeInViewport();
  }
  expect(await page.evaluate(() => { window.scrollTo(600, 0); return window.scrollX; })).toBe(0);
  // Theme, language and "I am" are behind ☰.
  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language).toBeHidden();
  await page.getByRole('button', { name: 'Menu' }).tap();
  await expect(language).toBeInViewport();
  await language.selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '团队' })).toBeInViewport();
});

test('on a phone a card moves with "Move to…", a card is added at a column foot, and undo takes the move back', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.nav('Board').tap();
  const todo = page.locator('.rc-board__cell[data-column="col_todo"]');
  const title = (await todo.locator('.rc-task__title').first().textContent()).trim();
  await todo.locator('.rc-task').first().getByRole('combobox', { name: `Move “${title}” to another column` }).selectOption({ label: 'In progress' });
  await expect(page.locator('.rc-board__cell[data-column="col_doing"]')).toContainText(title);
  await expect(todo).not.toContainText(title);
  await expect(page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) })).toBeFocused();
  await app.saved();
  expect((await app.storedWorkspace()).board.tasks.find((t) => t.title === title).column).toBe('col_doing');
  await page.getByRole('button', { name: /^Undo/ }).tap();
  await expect(todo).toContainText(title);
  // Quick add, then a tap opens the card, and its editor fits the screen.
  await page.getByRole('button', { name: 'Add a card to Review' }).tap();
  await page.getByLabel('Add a card to Review').fill('Check the new refund macro');
  await page.getByLabel('Add a card to Review').press('Enter');
  await expect(page.locator('.rc-board__cell[data-column="col_review"]')).toContainText('Check the new refund macro');
  await page.getByRole('button', { name: /^Check the new refund macro\./ }).tap();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  const box = await dialog.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await dialog.getByLabel('Priority').selectOption('P1');
  await dialog.getByRole('button', { name: 'Save' }).tap();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.rc-board__cell[data-column="col_review"] .rc-task--p1')).toContainText('Check the new refund macro');
});

test('on a phone the chart keeps a narrow duty column in place while the letters scroll, and a tap sets a letter', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.nav('Responsibilities').tap();
  const wrap = page.locator('.rc-raci-wrap');
  const duty = page.locator('.rc-raci__duty').first();
  const before = await duty.boundingBox();
  expect(before.width).toBeLessThan((await wrap.boundingBox()).width * 0.5);
  expect(await duty.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(13);
  expect(await page.locator('.rc-raci__cell').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(13);
  await wrap.evaluate((el) => { el.scrollLeft = 300; });
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  expect(Math.round((await duty.boundingBox()).x)).toBe(Math.round(before.x));
  // An empty cell, tapped, becomes R; undo takes it back.
  const empty = page.locator('.rc-raci__cell:text-is("")').first();
  // Its name ends with its letter ("— Project Manager: none"): found by what comes before.
  const name = (await empty.getAttribute('aria-label')).replace(/[^:]*$/, '');
  const cell = page.getByRole('gridcell', { name: new RegExp(`^${esc(name)}`) });
  await cell.tap();
  await expect(cell).toHaveText('R');
  await page.getByRole('button', { name: /^Undo/ }).tap();
  await expect(cell).toHaveText('');
});

test('on a phone a member is added by touch, and the team table reads in whole words', async ({ app, page }) => {
  await app.startFromTemplate();
  await page.getByRole('button', { name: 'Add member' }).tap();
  await page.getByLabel('Name', { exact: true }).fill('Kim Park');
  await page.getByLabel('Title', { exact: true }).fill('Customer Service Representative');
  await page.getByRole('button', { name: 'Save' }).tap();
  await expect(app.memberRow('Kim Park')).toBeVisible();
  const heads = await page.locator('.rc-table thead th').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  for (const h of heads) expect(h).toBeLessThan(45);
  const widths = await page.locator('.rc-table tbody td, .rc-table tbody th').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(Math.min(...widths)).toBeGreaterThanOrEqual(80);
});

test('on a phone a KPI value is recorded by touch, and the chart text stays readable', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.nav('Insights').tap();
  await page.getByRole('radio', { name: 'Service' }).tap();
  const fcr = page.getByRole('article', { name: 'First contact resolution' });
  await fcr.getByLabel('Value').fill('78');
  await fcr.getByRole('button', { name: 'Record' }).tap();
  await expect(fcr.getByTestId('kpi-latest')).toHaveText('78%');
  const sizes = await fcr.locator('.rc-chart__svg text').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize) * e.ownerSVGElement.getBoundingClientRect().width / e.ownerSVGElement.viewBox.baseVal.width));
  for (const px of sizes) expect(px).toBeGreaterThanOrEqual(10);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('on a phone no Chinese label wraps a character per line', async ({ app, page }) => {
    await app.open();
    await page.getByRole('button', { name: /从服务团队模板开始/ }).tap();
    await expect(page.getByRole('heading', { level: 1, name: '团队' })).toBeInViewport();
    for (const hash of ['#/team', '#/responsibilities', '#/board', '#/insights', '#/operations']) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await expect(page.locator('main h1')).toBeInViewport();
      // A label of two or more characters that is as narrow as one character is wrapping per character.
      const squeezed = await page.evaluate(() => [...document.querySelectorAll('main th, main label, main button, main legend, .rc-nav__link')]
        .filter((el) => el.offsetParent && /[\u4e00-\u9fff]{2}/.test(el.textContent))
        .filter((el) => { const r = el.getBoundingClientRect(); const px = parseFloat(getComputedStyle(el).fontSize); return r.width > 0 && r.width < px * 1.6 && r.height > px * 2.5; })
        .map((el) => el.textContent.trim()));
      expect(squeezed, hash).toEqual([]);
    }
  });
});
