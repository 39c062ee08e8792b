// Shared test set-up: every test fails on a console error or warning or an uncaught exception, and gets a
// page object for the app.
import { test as base, expect } from '@playwright/test';
import { RolecallApp } from './pages/app.mjs';

export const test = base.extend({
  // Messages a spec expects from the browser itself (a refused socket): none unless it says so.
  consoleAllowed: [[], { option: true }],
  page: async ({ page, consoleAllowed }, use) => {
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    expect(errors.filter((e) => !consoleAllowed.some((re) => re.test(e))), 'console errors and warnings').toEqual([]);
  },
  app: async ({ page }, use) => { await use(new RolecallApp(page)); },
});

export { expect };
