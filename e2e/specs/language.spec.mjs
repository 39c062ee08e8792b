import { test, expect } from '../fixtures.mjs';

test.describe('in a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the app and its template are in Chinese, and the chosen language is remembered', async ({ app, page }) => {
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { name: '欢迎使用 Rolecall' })).toBeVisible();
    await page.getByRole('button', { name: /从服务团队模板开始/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '团队' })).toBeVisible();
    await expect(app.memberRow('陈伟')).toContainText('客户服务代表');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '职责分配' }).click();
    await expect(page.getByTestId('chart-summary')).toHaveText('未发现问题');
    await expect(page.getByRole('gridcell', { name: /^通过电话、邮件和在线聊天解答客户咨询 — 团队负责人：/ })).toHaveText('A');
    // The board's columns are in the template's language too.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '看板' }).click();
    await expect(page.locator('.rc-board__title')).toHaveText(['待办池', '待处理', '进行中', '审核中', '已完成']);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '职责分配' }).click();

    await app.pref('语言', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Responsibilities' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Responsibilities' })).toBeVisible();
    // The team's own data stays as it was written.
    await expect(page.getByRole('columnheader', { name: '团队负责人' })).toBeVisible();
  });
});

test('an English browser gets English, and Chinese can be chosen', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.pref('Language', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '团队' })).toBeVisible();
  await expect(page.getByRole('button', { name: '添加成员' })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('rolecall.prefs')).lang)).toBe('zh-CN');
});
